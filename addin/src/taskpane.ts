// Task-pane entry (taskpane.html, after office.js).
import { bootPane } from "./pane/pane";

void bootPane().catch((e: unknown) => console.error("NetworkSync pane failed to start", e));
