// Dashboard entry (index.html, served at the service's "/").
import { bootDashboard } from "./dashboard/app";

void bootDashboard().catch((e: unknown) => console.error("NetworkSync dashboard failed to start", e));
