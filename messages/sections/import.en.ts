import type { ImportMessages } from "./import.vi";

const ImportEn: ImportMessages = {
  title: "Import delegates from a file",
  intro: "Download the template, fill in one delegate per row, then upload the file (CSV or Excel XLSX, 5,000 rows at most). The whole file is checked first: it is imported only when every row is valid, and all rows at once.",
  encodingsHint: "CSV files may be in UTF-8, Windows-1258 or TCVN3 (ABC); the encoding is detected.",
  templateCsv: "Download the CSV template",
  templateXlsx: "Download the Excel template (XLSX)",
  file: "List file",
  fileHint: "CSV or XLSX made from the template.",
  check: "Check the file",
  import: "Import into the list",
  working: "Working…",
  noFile: "Choose a file.",
  summary: "{rows} rows, {valid} valid (encoding: {encoding}).",
  allValid: "Every row is valid. Press “Import into the list” to import.",
  imported: "{count} delegates imported.",
  problems: "{count} problems: nothing was imported. Fix the file as the table below says and upload it again.",
  row: "Row",
  field: "Column",
  message: "Problem",
  networkError: "The file could not be sent. Check the connection and try again.",
  progressLabel: "Progress",
  progress: {
    upload: "Uploading the file… {percent}%",
    read: "Reading the file…",
    check: "Checking: {done}/{total} rows",
    import: "Importing: {done}/{total} rows",
  },
  emailOptional: "A delegation member without a personal email: leave the Email cell empty; the badge goes to the delegation's contact person.",
  back: "Back to the delegation",
};

export default ImportEn;
