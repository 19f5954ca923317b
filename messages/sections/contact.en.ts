import type { ContactMessages } from "./contact.vi";

const ContactEn: ContactMessages = {
  title: "The delegation's contact person",
  intro: "The contact person receives the badges of the members without a personal email: one email with every badge and one PDF to print.",
  name: "Contact's full name",
  position: "Position",
  email: "Contact's email",
  phone: "Mobile phone number",
  save: "Save the contact",
  saving: "Saving…",
  saved: "The delegation's contact was saved.",
  none: "The delegation has no contact person yet. Enter one so that members without a personal email receive their badges.",
  current: "Current contact: {name} ({email}).",
  badgesTitle: "Badges of members without a personal email",
  pending: "Confirmed members without a personal email: {count}. Their badges go to the contact person.",
  unsent: "Not yet sent to the contact: {count}.",
  pendingNone: "No confirmed member is without a personal email.",
  send: "Send the badges to the contact",
  sending: "Sending…",
  sendConfirm: "Send the badges ({count}) to {email}? The contact receives one email with a PDF to print and each delegate's QR code.",
  sent: "Requested: the badges ({count}) will reach {email} shortly.",
  last: "Last sending: {time}, badges: {count} ({status}).",
  lastStatus: { mailing: "email on its way", queued: "waiting", running: "being made", succeeded: "sent", failed: "failed", cancelled: "cancelled" },
  download: "Download the PDF sent",
  mail: {
    subject: "Delegate badges of {delegation} ({count})",
    preview: "Attached: the delegate badges ({count}) to print and each delegate's QR code.",
    greeting: "Dear {name},",
    body: "The conference organisers send you the delegate badges of the members of {delegation} who have no personal email address ({count}). Attached are one PDF to print (four A6 badges per A4 page, with cut marks) and each delegate's QR code as an image.",
    listTitle: "Delegates",
    badgeNo: "badge no. {id}",
    instructions: "Please print the badges and hand them to each delegate. At the conference, delegates show the printed badge or the QR image on their phone.",
    portalText: "The delegation's list and badges are also on the registration portal:",
  },
};

export default ContactEn;
