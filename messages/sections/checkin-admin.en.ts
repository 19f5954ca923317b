import type { CheckinAdminMessages } from "./checkin-admin.vi";

const CheckinAdminEn: CheckinAdminMessages = {
  title: "Check-in",
};

export default CheckinAdminEn;
