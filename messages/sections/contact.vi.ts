/** Vietnamese texts of the delegation's contact person (portal) and the email carrying the badges. */
const ContactVi = {
  title: "Người liên hệ của đoàn",
  intro: "Người liên hệ nhận thẻ của các đại biểu không có email riêng: một thư kèm tất cả các thẻ và một tệp PDF để in.",
  name: "Họ và tên người liên hệ",
  position: "Chức vụ",
  email: "Email người liên hệ",
  phone: "Số điện thoại di động",
  save: "Lưu người liên hệ",
  saving: "Đang lưu…",
  saved: "Đã lưu người liên hệ của đoàn.",
  none: "Đoàn chưa có người liên hệ. Hãy nhập để các đại biểu không có email riêng nhận được thẻ.",
  current: "Người liên hệ hiện tại: {name} ({email}).",
  badgesTitle: "Thẻ của đại biểu không có email riêng",
  pending: "{count} đại biểu đã xác nhận không có email riêng: thẻ của họ được gửi cho người liên hệ.",
  unsent: "Chưa gửi cho người liên hệ: {count}.",
  pendingNone: "Chưa có đại biểu đã xác nhận nào thiếu email riêng.",
  send: "Gửi thẻ cho người liên hệ",
  sending: "Đang gửi…",
  sendConfirm: "Gửi {count} thẻ tới {email}? Người liên hệ nhận một thư kèm tệp PDF để in và mã QR của từng đại biểu.",
  sent: "Đã gửi yêu cầu: {count} thẻ sẽ tới {email} trong giây lát.",
  last: "Lần gửi gần nhất: {time}, {count} thẻ ({status}).",
  lastStatus: { mailing: "đang gửi thư", queued: "đang chờ", running: "đang tạo", succeeded: "đã gửi", failed: "lỗi", cancelled: "đã huỷ" },
  download: "Tải PDF thẻ đã gửi",
  mail: {
    subject: "Thẻ đại biểu của {delegation} ({count} thẻ)",
    preview: "Kèm theo thư: {count} thẻ đại biểu để in và mã QR của từng đại biểu.",
    greeting: "Kính gửi {name},",
    body: "Ban Tổ chức Hội nghị gửi Quý vị thẻ đại biểu của {count} thành viên {delegation} chưa có địa chỉ email riêng. Thư kèm theo một tệp PDF để in (bốn thẻ khổ A6 trên một trang A4, có dấu cắt) và ảnh mã QR của từng đại biểu.",
    listTitle: "Danh sách đại biểu",
    badgeNo: "thẻ số {id}",
    instructions: "Đề nghị Quý vị in và chuyển thẻ tới từng đại biểu. Khi tới Hội nghị, đại biểu xuất trình thẻ in hoặc ảnh mã QR trên điện thoại.",
    portalText: "Danh sách và thẻ của đoàn cũng có trên cổng đăng ký:",
  },
};

export type ContactMessages = typeof ContactVi;
export default ContactVi;
