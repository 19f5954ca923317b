import type { BadgePrintMessages } from "./badge-print.vi";

const BadgePrintEn: BadgePrintMessages = {
  title: "Print badges in bulk",
  intro: "Make one PDF with the badges of the confirmed delegates matching the current filters.",
  introUnit: "Make one PDF with the badges of your delegation's confirmed delegates matching the current filters.",
  layout: "Layout",
  layouts: { "a4-4up": "Four A6 badges per A4 sheet, with cut marks", a6: "One A6 page per badge" },
  submit: "Make the PDF",
  starting: "Sending the request…",
  queued: "Waiting to make the file for {count} badges…",
  running: "Making the PDF: {progress}%",
  ready: "The PDF with {count} badges is ready.",
  download: "Download the PDF",
  failed: "The PDF could not be made. Please try again or tell an administrator.",
  progressLabel: "Progress of the PDF",
  badgeId: "Badge",
  pdfTitle: "Delegate badges",
};

export default BadgePrintEn;
