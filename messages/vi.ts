/** Vietnamese (default) message catalogue. en.ts must have the same shape (checked by the type). */
const vi = {
  meta: {
    title: "Hội nghị toàn quốc tổng kết Chương trình OCOP giai đoạn 2018–2020",
    description: "Đăng ký đại biểu, thẻ QR, điểm danh, gian hàng, khen thưởng và lễ tôn vinh — Bộ Nông nghiệp và Phát triển nông thôn.",
  },
  common: {
    skipToContent: "Bỏ qua, tới nội dung chính",
    ministry: "Bộ Nông nghiệp và Phát triển nông thôn",
    programme: "Chương trình Mỗi xã một sản phẩm (OCOP)",
    language: "Ngôn ngữ",
    switchTo: "English",
    switchToLabel: "Switch to English",
    home: "Trang chủ",
    footer: "Ban Tổ chức Hội nghị — Văn phòng Điều phối nông thôn mới Trung ương, B9, số 2 Ngọc Hà, Ba Đình, Hà Nội.",
    basis: "Theo Quyết định số 03/QĐ-BCĐCTMTQG năm 2020 của Ban Chỉ đạo Trung ương các Chương trình mục tiêu quốc gia.",
  },
  landing: {
    kicker: "Bộ Nông nghiệp và Phát triển nông thôn",
    when: "Thời gian",
    where: "Địa điểm",
    partsTitle: "Ba phần của sự kiện",
    parts: {
      exhibition: { title: "Trưng bày gian hàng", text: "Gian hàng giới thiệu sản phẩm OCOP 5 sao cấp quốc gia năm 2020 và sản phẩm OCOP của các địa phương." },
      ceremony: { title: "Lễ công bố và tôn vinh", text: "Buổi tối trước ngày Hội nghị: công bố sản phẩm OCOP 5 sao, tôn vinh và khen thưởng tập thể, cá nhân có thành tích xuất sắc." },
      conference: { title: "Hội nghị tổng kết", text: "Một ngày: đánh giá kết quả ba năm thực hiện Chương trình OCOP, bài học kinh nghiệm và định hướng giai đoạn 2021–2025." },
    },
    agendaTitle: "Chương trình",
    agendaEmpty: "Chương trình chi tiết sẽ được cập nhật.",
    audiencesTitle: "Dành cho",
    audiences: {
      delegate: { title: "Đại biểu", text: "Đăng ký tham dự và nhận thẻ đại biểu có mã QR qua thư điện tử.", cta: "Đăng ký tham dự" },
      unit: { title: "Tỉnh, thành phố và bộ, ngành", text: "Đăng ký đoàn đại biểu, gửi hồ sơ đề nghị khen thưởng, đăng ký gian hàng.", cta: "Cổng đơn vị" },
      checkin: { title: "Cán bộ đón tiếp", text: "Quét thẻ đại biểu tại khu gian hàng, lễ tôn vinh và hội trường, kể cả khi mất mạng.", cta: "Mở máy quét" },
      organiser: { title: "Ban Tổ chức", text: "Quản lý đại biểu, gian hàng, khen thưởng và điều hành chương trình lễ.", cta: "Trang quản trị" },
    },
    dateRange: "{ceremonyDate} (buổi tối) và {conferenceDate}",
    timeRange: "{start} – {end}",
  },
  parts: { exhibition: "Gian hàng", ceremony: "Lễ tôn vinh", conference: "Hội nghị" },
  email: {
    test: {
      subject: "Thư thử nghiệm từ hệ thống Hội nghị OCOP",
      preview: "Hệ thống gửi thư của Hội nghị đang hoạt động.",
      greeting: "Kính gửi {name},",
      body: "Đây là thư thử nghiệm của hệ thống đăng ký và đón tiếp đại biểu Hội nghị toàn quốc tổng kết Chương trình OCOP giai đoạn 2018–2020. Nếu Quý vị nhận được thư này, hệ thống gửi thư đang hoạt động bình thường.",
      signoff: "Trân trọng,",
      team: "Ban Tổ chức Hội nghị",
    },
    footer: "Thư này được gửi tự động, vui lòng không trả lời. Liên hệ Ban Tổ chức: Văn phòng Điều phối nông thôn mới Trung ương, B9, số 2 Ngọc Hà, Ba Đình, Hà Nội.",
    header: "BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN",
  },
  errors: {
    notFoundTitle: "Không tìm thấy trang",
    notFoundText: "Trang Quý vị tìm không tồn tại hoặc đã được chuyển.",
    serverTitle: "Đã có lỗi xảy ra",
    serverText: "Hệ thống gặp sự cố. Vui lòng thử lại; nếu lỗi còn, hãy báo Ban Tổ chức mã sự cố dưới đây.",
    reference: "Mã sự cố",
    retry: "Thử lại",
  },
};

export default vi;
export type Messages = typeof vi;
