import type { ScannerMessages } from "./scanner.vi";

const ScannerEn: ScannerMessages = {
  title: "Scan badges",
};

export default ScannerEn;
