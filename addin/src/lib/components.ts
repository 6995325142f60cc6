// Rendering shared by the task pane and the dashboard, one component per file under src/components/;
// every function returns DOM built with h(), so names, subjects and reasons from the API are always
// text. Kept as one import for the views; preserveUi and runAction live with the view scaffold.
export { contactList, type ContactListOptions } from "../components/contact-list";
export { errorBox } from "../components/error-box";
export { followUpItem, followUpList, followUpWhen, type FollowUpHandlers, type FollowUpVerb } from "../components/follow-ups";
export { jobChangeText, personCard, personName, type PersonCardOptions, type PersonRole } from "../components/person-card";
export { dueFollowUp, personRow, rowFlags, topFlag, type PersonRowOptions, type RowFlag, type RowFlagKind } from "../components/person-row";
export { MAX_TODOS, todosOf, whatToDoNow, type Todo, type TodoKind } from "../components/what-to-do";
export { badges, displayName, TIER_LABEL, warmthMeter, type BadgeFlags } from "../components/warmth";
export { preserveUi, runAction } from "./view";
