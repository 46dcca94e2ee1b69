import { withAuth } from "next-auth/middleware";

// Comfort only: anonymous visitors of app pages go to the sign-in page. Security is enforced by the
// page/route guard and the action wrapper on the server, never here.
export default withAuth({ pages: { signIn: "/login" } });

export const config = {
  matcher: ["/((?!api|fhir|_next|login|register|set-password|forgot-password|rx|favicon.ico|.*\\.(?:png|svg|ico|css|js)$).*)"],
};
