import type { CategoryQuestion } from "../schema/event";

export const CHECKPOINTS = [
  { code: "trien-lam", nameVi: "Khu trưng bày gian hàng", nameEn: "Booth exhibition", part: "exhibition", sortOrder: 1 },
  { code: "le-ton-vinh", nameVi: "Lễ công bố và tôn vinh (buổi tối)", nameEn: "Evening announcement and honours ceremony", part: "ceremony", sortOrder: 2 },
  { code: "hoi-truong", nameVi: "Hội trường Hội nghị", nameEn: "Conference hall", part: "conference", sortOrder: 3 },
] as const;

export type CheckpointCode = (typeof CHECKPOINTS)[number]["code"];

export const AGENCIES = [
  { code: "bnnptnt", kind: "ministry", nameVi: "Bộ Nông nghiệp và Phát triển nông thôn", nameEn: "Ministry of Agriculture and Rural Development", shortNameVi: "Bộ NN&PTNT" },
  { code: "btc", kind: "ministry", nameVi: "Bộ Tài chính", nameEn: "Ministry of Finance", shortNameVi: "Bộ Tài chính" },
  { code: "bct", kind: "ministry", nameVi: "Bộ Công Thương", nameEn: "Ministry of Industry and Trade", shortNameVi: "Bộ Công Thương" },
  { code: "bgtvt", kind: "ministry", nameVi: "Bộ Giao thông vận tải", nameEn: "Ministry of Transport", shortNameVi: "Bộ GTVT" },
  { code: "bkhcn", kind: "ministry", nameVi: "Bộ Khoa học và Công nghệ", nameEn: "Ministry of Science and Technology", shortNameVi: "Bộ KH&CN" },
  { code: "byt", kind: "ministry", nameVi: "Bộ Y tế", nameEn: "Ministry of Health", shortNameVi: "Bộ Y tế" },
  { code: "bvhttdl", kind: "ministry", nameVi: "Bộ Văn hóa, Thể thao và Du lịch", nameEn: "Ministry of Culture, Sports and Tourism", shortNameVi: "Bộ VHTTDL" },
  { code: "btttt", kind: "ministry", nameVi: "Bộ Thông tin và Truyền thông", nameEn: "Ministry of Information and Communications", shortNameVi: "Bộ TT&TT" },
  { code: "bng", kind: "ministry", nameVi: "Bộ Ngoại giao", nameEn: "Ministry of Foreign Affairs", shortNameVi: "Bộ Ngoại giao" },
  { code: "nhnn", kind: "agency", nameVi: "Ngân hàng Nhà nước Việt Nam", nameEn: "State Bank of Vietnam", shortNameVi: "NHNN" },
  { code: "bcd-tw", kind: "agency", nameVi: "Ban Chỉ đạo Trung ương các Chương trình mục tiêu quốc gia", nameEn: "Central Steering Committee of the National Target Programmes", shortNameVi: "BCĐ TW" },
  { code: "vpdp-ntm-tw", kind: "agency", nameVi: "Văn phòng Điều phối nông thôn mới Trung ương", nameEn: "Central New Rural Development Coordination Office", shortNameVi: "VPĐP NTM TW" },
  { code: "ban-tdkt-tw", kind: "agency", nameVi: "Ban Thi đua – Khen thưởng Trung ương", nameEn: "Central Emulation and Commendation Board", shortNameVi: "Ban TĐKT TW" },
] as const;

const ALL: CheckpointCode[] = ["trien-lam", "le-ton-vinh", "hoi-truong"];
const dietary: CategoryQuestion = {
  key: "dietary",
  type: "choice",
  labelVi: "Chế độ ăn",
  labelEn: "Dietary needs",
  required: false,
  options: [
    { value: "normal", labelVi: "Bình thường", labelEn: "No restriction" },
    { value: "vegetarian", labelVi: "Ăn chay", labelEn: "Vegetarian" },
    { value: "other", labelVi: "Khác (ghi trong phần ghi chú)", labelEn: "Other (see notes)" },
  ],
};
const arrival: CategoryQuestion = { key: "arrival_date", type: "text", labelVi: "Ngày đến Hà Nội (dd/mm/yyyy)", labelEn: "Arrival date in Hà Nội (dd/mm/yyyy)", required: false };
const hotel: CategoryQuestion = { key: "needs_hotel", type: "yesno", labelVi: "Cần Ban Tổ chức hỗ trợ đặt phòng khách sạn", labelEn: "Needs the organisers' help with a hotel room", required: true };

/** Delegate categories with the defaults of DOMAIN.md. */
export const CATEGORIES: {
  code: string; nameVi: string; nameEn: string;
  registrationMode: "public" | "invitation" | "portal"; portalUnitKind: "province" | "ministry" | null;
  requiresApproval: boolean; badgeColour: string; badgeColourName: string;
  checkpoints: CheckpointCode[]; questions: CategoryQuestion[];
}[] = [
  { code: "lanh-dao", nameVi: "Lãnh đạo Đảng, Nhà nước", nameEn: "Party and State leaders", registrationMode: "invitation", portalUnitKind: null, requiresApproval: false, badgeColour: "#c62828", badgeColourName: "red", checkpoints: ALL, questions: [] },
  { code: "bcd-tw", nameVi: "Thành viên Ban Chỉ đạo Trung ương", nameEn: "Members of the Central Steering Committee", registrationMode: "invitation", portalUnitKind: null, requiresApproval: false, badgeColour: "#c62828", badgeColourName: "red", checkpoints: ALL, questions: [] },
  { code: "bo-nganh", nameVi: "Đại biểu Bộ, ngành Trung ương", nameEn: "Delegates of central ministries and agencies", registrationMode: "portal", portalUnitKind: "ministry", requiresApproval: false, badgeColour: "#1565c0", badgeColourName: "blue", checkpoints: ALL, questions: [dietary] },
  { code: "lanh-dao-tinh", nameVi: "Lãnh đạo UBND tỉnh, thành phố", nameEn: "Provincial People's Committee leaders", registrationMode: "portal", portalUnitKind: "province", requiresApproval: false, badgeColour: "#1565c0", badgeColourName: "blue", checkpoints: ALL, questions: [arrival, hotel, dietary] },
  { code: "so-nnptnt", nameVi: "Sở NN&PTNT, VPĐP NTM tỉnh", nameEn: "Provincial Departments of Agriculture, NRD offices", registrationMode: "portal", portalUnitKind: "province", requiresApproval: false, badgeColour: "#2e7d32", badgeColourName: "green", checkpoints: ["trien-lam", "hoi-truong"], questions: [arrival, hotel, dietary] },
  { code: "chu-the-ocop", nameVi: "Chủ thể OCOP", nameEn: "OCOP producers (exhibitors)", registrationMode: "public", portalUnitKind: null, requiresApproval: false, badgeColour: "#f9a825", badgeColourName: "yellow", checkpoints: ["trien-lam", "hoi-truong"], questions: [arrival, hotel, dietary] },
  { code: "khen-thuong", nameVi: "Tập thể, cá nhân được khen thưởng", nameEn: "Honoured collectives and individuals", registrationMode: "invitation", portalUnitKind: null, requiresApproval: false, badgeColour: "#b8860b", badgeColourName: "gold", checkpoints: ALL, questions: [arrival, hotel, dietary] },
  { code: "bao-chi", nameVi: "Báo chí", nameEn: "Press", registrationMode: "public", portalUnitKind: null, requiresApproval: true, badgeColour: "#757575", badgeColourName: "grey", checkpoints: ALL, questions: [{ key: "press_card", type: "text", labelVi: "Số thẻ nhà báo", labelEn: "Press card number", required: true }] },
  { code: "khach-moi", nameVi: "Khách mời, khách quốc tế", nameEn: "Guests and international guests", registrationMode: "invitation", portalUnitKind: null, requiresApproval: false, badgeColour: "#6a1b9a", badgeColourName: "purple", checkpoints: ALL, questions: [dietary] },
  { code: "ban-to-chuc", nameVi: "Ban Tổ chức, phục vụ", nameEn: "Organisers and service staff", registrationMode: "invitation", portalUnitKind: null, requiresApproval: false, badgeColour: "#212121", badgeColourName: "black", checkpoints: ALL, questions: [] },
];

export const COMMENDATION_FORMS = [
  { code: "huan-chuong-lao-dong-hang-ba", nameVi: "Huân chương Lao động hạng Ba", nameEn: "Third-class Labour Order", decidedByVi: "Chủ tịch nước", decidedByEn: "President of the State", level: "state", route: ["province", "mard", "ban-tdkt-tw", "prime-minister", "president"] },
  { code: "bang-khen-thu-tuong", nameVi: "Bằng khen của Thủ tướng Chính phủ", nameEn: "Prime Minister's Certificate of Merit", decidedByVi: "Thủ tướng Chính phủ", decidedByEn: "Prime Minister", level: "government", route: ["province", "mard", "ban-tdkt-tw", "prime-minister"] },
  { code: "bang-khen-bo-truong-nnptnt", nameVi: "Bằng khen của Bộ trưởng Bộ Nông nghiệp và Phát triển nông thôn", nameEn: "Certificate of Merit of the Minister of Agriculture and Rural Development", decidedByVi: "Bộ trưởng Bộ NN&PTNT", decidedByEn: "Minister of Agriculture and Rural Development", level: "ministry", route: ["province", "mard"] },
  { code: "bang-khen-chu-tich-ubnd-tinh", nameVi: "Bằng khen của Chủ tịch UBND tỉnh", nameEn: "Certificate of Merit of the Provincial People's Committee Chairperson", decidedByVi: "Chủ tịch UBND tỉnh", decidedByEn: "Provincial People's Committee Chairperson", level: "province", route: ["province"] },
] as const;
