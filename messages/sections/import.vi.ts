/** Vietnamese texts of the bulk import page. */
const ImportVi = {
  title: "Nhập danh sách đại biểu từ tệp",
  intro: "Tải mẫu, điền mỗi đại biểu một dòng, rồi tải tệp lên (CSV hoặc Excel XLSX, tối đa 5.000 dòng). Hệ thống kiểm tra toàn bộ tệp trước: chỉ khi mọi dòng đều hợp lệ mới nhập, và nhập tất cả cùng lúc.",
  encodingsHint: "Tệp CSV có thể ở bảng mã UTF-8, Windows-1258 hoặc TCVN3 (ABC); hệ thống tự nhận biết.",
  templateCsv: "Tải mẫu CSV",
  templateXlsx: "Tải mẫu Excel (XLSX)",
  file: "Tệp danh sách",
  fileHint: "CSV hoặc XLSX theo mẫu.",
  check: "Kiểm tra tệp",
  import: "Nhập vào danh sách",
  working: "Đang xử lý…",
  noFile: "Hãy chọn một tệp.",
  summary: "{rows} dòng, {valid} dòng hợp lệ (bảng mã: {encoding}).",
  allValid: "Mọi dòng đều hợp lệ. Bấm “Nhập vào danh sách” để nhập.",
  imported: "Đã nhập {count} đại biểu.",
  problems: "Có {count} lỗi: chưa nhập dòng nào. Hãy sửa tệp theo bảng dưới đây rồi tải lên lại.",
  row: "Dòng",
  field: "Cột",
  message: "Lỗi",
  networkError: "Không gửi được tệp. Hãy kiểm tra kết nối và thử lại.",
  back: "Quay lại đoàn",
  progressLabel: "Tiến độ",
  progress: {
    upload: "Đang tải tệp lên… {percent}%",
    read: "Đang đọc tệp…",
    check: "Đang kiểm tra: {done}/{total} dòng",
    import: "Đang nhập: {done}/{total} dòng",
  },
  emailOptional: "Đại biểu của đoàn không có email riêng: để trống cột Email, thẻ được gửi cho người liên hệ của đoàn.",
};

export default ImportVi;
export type ImportMessages = typeof ImportVi;
