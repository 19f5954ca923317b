/** Vietnamese texts of the scanner screens (kept in its own file so that this section can be edited on its own). */
const ScannerVi = {
  title: "Quét thẻ",
};

export default ScannerVi;
export type ScannerMessages = typeof ScannerVi;
