import type { Messages } from "./vi";

const en: Messages = {
  meta: {
    title: "National Conference reviewing the OCOP Programme 2018–2020",
    description: "Delegate registration, QR badges, check-in, booths, commendations and the honours ceremony — Ministry of Agriculture and Rural Development.",
  },
  common: {
    skipToContent: "Skip to main content",
    ministry: "Ministry of Agriculture and Rural Development",
    programme: "One Commune One Product (OCOP) Programme",
    language: "Language",
    switchTo: "Tiếng Việt",
    switchToLabel: "Chuyển sang tiếng Việt",
    home: "Home",
    footer: "Conference Organising Committee — Central New Rural Development Coordination Office, B9, 2 Ngọc Hà, Ba Đình, Hà Nội.",
    basis: "Under Decision No. 03/QĐ-BCĐCTMTQG of 2020 of the Central Steering Committee of the National Target Programmes.",
  },
  landing: {
    kicker: "Ministry of Agriculture and Rural Development",
    when: "When",
    where: "Where",
    partsTitle: "Three parts of the event",
    parts: {
      exhibition: { title: "Booth exhibition", text: "Booths presenting the national 5-star OCOP products of 2020 and the OCOP products of the provinces." },
      ceremony: { title: "Announcement and honours ceremony", text: "The evening before the conference: the 5-star OCOP products are announced and outstanding collectives and individuals honoured." },
      conference: { title: "Summary conference", text: "One day reviewing three years of the OCOP Programme, lessons learnt and the direction for 2021–2025." },
    },
    agendaTitle: "Programme",
    agendaEmpty: "The detailed programme will be published soon.",
    audiencesTitle: "Where to go",
    audiences: {
      delegate: { title: "Delegates", text: "Register to attend and receive a badge with a QR code by email.", cta: "Register" },
      unit: { title: "Provinces, ministries and agencies", text: "Register your delegation, submit commendation nominations, request booths.", cta: "Unit portal" },
      checkin: { title: "Check-in staff", text: "Scan badges at the exhibition, the ceremony and the conference hall, even offline.", cta: "Open the scanner" },
      organiser: { title: "Organisers", text: "Manage delegates, booths, commendations and run the ceremony programme.", cta: "Administration" },
    },
    dateRange: "{ceremonyDate} (evening) and {conferenceDate}",
    timeRange: "{start} – {end}",
  },
  parts: { exhibition: "Exhibition", ceremony: "Ceremony", conference: "Conference" },
  email: {
    test: {
      subject: "Test message from the OCOP Conference system",
      preview: "The conference mail system is working.",
      greeting: "Dear {name},",
      body: "This is a test message from the registration and check-in system of the National Conference reviewing the OCOP Programme 2018–2020. If you received it, the mail system is working.",
      signoff: "Kind regards,",
      team: "Conference Organising Committee",
    },
    footer: "This message was sent automatically; please do not reply. Contact the organisers: Central New Rural Development Coordination Office, B9, 2 Ngọc Hà, Ba Đình, Hà Nội.",
    header: "MINISTRY OF AGRICULTURE AND RURAL DEVELOPMENT",
  },
  errors: {
    notFoundTitle: "Page not found",
    notFoundText: "The page you are looking for does not exist or has moved.",
    serverTitle: "Something went wrong",
    serverText: "The system ran into a problem. Please try again; if it persists, give the organisers the reference below.",
    reference: "Reference",
    retry: "Try again",
  },
};

export default en;
