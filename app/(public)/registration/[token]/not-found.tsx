import { InvalidLink } from "@/components/registration/invalid-link";

export default function NotFound() {
  return <InvalidLink which="manage" />;
}
