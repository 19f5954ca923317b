/** Vietnamese texts of the checkin-admin screens (kept in its own file so that this section can be edited on its own). */
const CheckinAdminVi = {
  title: "Điểm danh",
};

export default CheckinAdminVi;
export type CheckinAdminMessages = typeof CheckinAdminVi;
