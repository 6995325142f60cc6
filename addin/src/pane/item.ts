// Who is on the open Outlook item: the sender, To and Cc of a message (EmailAddressDetails in read
// mode), or the organiser and attendees of an appointment.
import type { PersonRole } from "../lib/components";
import { BATCH_LIMIT } from "../lib/api";

export interface AddressDetails {
  emailAddress?: string | null;
  displayName?: string | null;
}

export interface ItemLike {
  itemId?: string | null;
  itemType?: string | null;
  subject?: string | null;
  from?: AddressDetails | null;
  sender?: AddressDetails | null;
  to?: AddressDetails[] | null;
  cc?: AddressDetails[] | null;
  organizer?: AddressDetails | null;
  requiredAttendees?: AddressDetails[] | null;
  optionalAttendees?: AddressDetails[] | null;
}

export interface ItemPeople {
  /** Lower-cased, deduplicated, sender first; at most 100 (the batch limit). */
  addresses: string[];
  roles: Map<string, PersonRole>;
  names: Map<string, string>;
}

/** "Ana.Abe@Contoso.example", "<ana@x>", "mailto:ana@x" → "ana.abe@contoso.example". */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  let v = value.trim().replace(/^mailto:/i, "");
  const angle = /<([^>]+)>/.exec(v);
  if (angle?.[1]) v = angle[1];
  v = v.replace(/^["']+|["']+$/g, "").trim().toLowerCase();
  return v.includes("@") ? v : null;
}

function asList(v: unknown): AddressDetails[] {
  if (Array.isArray(v)) return v as AddressDetails[];
  if (v && typeof v === "object") return [v as AddressDetails];
  return [];
}

export function peopleOnItem(item: ItemLike | null | undefined): ItemPeople {
  const addresses: string[] = [];
  const roles = new Map<string, PersonRole>();
  const names = new Map<string, string>();
  if (!item) return { addresses, roles, names };
  const add = (details: unknown, role: PersonRole): void => {
    for (const d of asList(details)) {
      const address = normaliseAddress(d?.emailAddress);
      if (!address) continue;
      const name = typeof d.displayName === "string" ? d.displayName.trim() : "";
      if (name && normaliseAddress(name) !== address && !names.has(address)) names.set(address, name);
      if (roles.has(address)) continue;
      roles.set(address, role);
      addresses.push(address);
    }
  };
  const isMessage = item.from !== undefined && item.from !== null;
  if (isMessage) {
    add(item.from, "from");
    add(item.to, "to");
    add(item.cc, "cc");
  } else {
    add(item.organizer, "organizer");
    add(item.requiredAttendees, "attendee");
    add(item.optionalAttendees, "attendee");
    add(item.to, "to");
    add(item.cc, "cc");
  }
  return { addresses: addresses.slice(0, BATCH_LIMIT), roles, names };
}
