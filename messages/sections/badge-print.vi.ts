/** Vietnamese texts of batch badge printing (the PDF and the form on /admin/registrations). */
const BadgePrintVi = {
  title: "In thẻ hàng loạt",
  intro: "Tạo một tệp PDF thẻ của các đại biểu đã xác nhận khớp bộ lọc hiện tại.",
  introUnit: "Tạo một tệp PDF thẻ của các đại biểu đã xác nhận thuộc đoàn của Quý vị, khớp bộ lọc hiện tại.",
  layout: "Khổ in",
  layouts: { "a4-4up": "4 thẻ A6 trên một tờ A4, có dấu cắt", a6: "Mỗi thẻ một trang A6" },
  submit: "Tạo tệp PDF",
  starting: "Đang gửi yêu cầu…",
  queued: "Đang chờ tạo tệp cho {count} thẻ…",
  running: "Đang tạo tệp PDF: {progress}%",
  ready: "Tệp PDF của {count} thẻ đã sẵn sàng.",
  download: "Tải tệp PDF",
  failed: "Không tạo được tệp PDF. Vui lòng thử lại hoặc báo quản trị viên.",
  progressLabel: "Tiến độ tạo tệp PDF",
  badgeId: "Mã thẻ",
  pdfTitle: "Thẻ đại biểu",
};

export default BadgePrintVi;
export type BadgePrintMessages = typeof BadgePrintVi;
