#!/usr/bin/env python3
"""An independent evaluation set for NetworkSync's relationship model.

Written separately from src/NetworkSync.DemoData (and not against the model's rules): each relationship
is a point process whose weekly rate drifts on its own (a log-normal random walk), starts and ends at
random, or comes in project bursts. People change companies (a new address, sometimes answering an old
thread), some are only ever copied on other people's mail until the owner starts writing to them, 12% of
people share their full name with someone else at another address, and much of the mail carries no
conversationId. No planted "strength": the only truth is the mail itself, and `networksync evaluate
--db --mailbox` asks whom the owner writes to in the 90 days after each cutoff.

Writes the Graph fixture format (../shared/contracts/graph-fixture.md):

    python3 eval/independent_mailboxes.py --out /tmp/indep --seed 1 --mailboxes 3 [--plain]

--plain keeps only sender, recipients and times (no subjects, no conversationId, no meetings), like the
real-mail corpus the model is measured on outside the repository.
"""
import argparse
import datetime as dt
import hashlib
import json
import math
import os
import random

AS_OF = dt.datetime(2026, 11, 1, 12, 0, tzinfo=dt.timezone.utc)
YEARS = 3
FIRST = ["Avery", "Blake", "Casey", "Devon", "Emery", "Finley", "Harper", "Indigo", "Jordan", "Kai", "Logan", "Morgan",
         "Noel", "Oakley", "Parker", "Quinn", "Reese", "Sage", "Tatum", "Uma", "Vesna", "Wren", "Xiomara", "Yusuf", "Zaid",
         "Amara", "Bjorn", "Chiara", "Dmitri", "Esi", "Farah", "Goran", "Hana", "Ilse", "Jomo", "Kenji", "Lior", "Mei"]
LAST = ["Adeyemi", "Brandt", "Castillo", "Dubois", "Eriksen", "Fujita", "Gallo", "Haddad", "Iversen", "Jovanovic",
        "Kowalski", "Laine", "Moreno", "Nakamura", "Okafor", "Petrov", "Quispe", "Rossi", "Sato", "Tanaka", "Urquhart",
        "Varga", "Weiss", "Xu", "Yilmaz", "Zhou", "Abara", "Bello", "Cruz", "Dahl", "Ekwueme", "Falk", "Grant"]
COMPANIES = ["tailspin", "wingtip", "litware", "proseware", "adatum", "fourthcoffee", "lucerne", "margie", "treyresearch",
             "woodgrove", "alpineski", "blueyonder", "cohovineyard", "humongous", "southridge", "wideworld"]


class Person:
    def __init__(self, name, address, kind):
        self.name, self.address, self.kind = name, address, kind
        self.team = []  # people copied with them
        self.switch_at = None  # moves company: new address from then on
        self.new_address = None
        self.direct_from = None  # co-recipient only until then
        self.no_threads = False



def stable_id(prefix, *parts):
    return prefix + hashlib.sha1("|".join(parts).encode()).hexdigest()[:40]


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def work_time(rng, day):
    """A weekday, working hours, of the week containing `day`."""
    t = day.replace(hour=0, minute=0, second=0) + dt.timedelta(days=rng.randint(0, 4) - day.weekday())
    return t + dt.timedelta(hours=rng.choice([8, 9, 9, 10, 11, 13, 14, 15, 16, 17]), minutes=rng.randint(0, 59))


def rate_path(rng, kind, weeks):
    """Exchanges per week, week by week: each kind has its own rhythm."""
    rates = []
    if kind == "core":
        log_rate = math.log(rng.uniform(0.8, 4))
        for _ in range(weeks):
            log_rate += rng.gauss(0, 0.12)
            log_rate = min(max(log_rate, math.log(0.05)), math.log(8))
            rates.append(0 if rng.random() < 0.06 else math.exp(log_rate))  # holidays
    elif kind == "project":
        rates = [0.01] * weeks
        for _ in range(rng.randint(1, 3)):
            start, length = rng.randrange(weeks), rng.randint(3, 10)
            intensity = rng.uniform(1.5, 5)
            for w in range(start, min(weeks, start + length)):
                rates[w] = intensity
    elif kind in ("client", "mover", "namesake", "latent"):
        start = rng.randrange(weeks)
        end = start + int(rng.expovariate(1 / 70))
        log_rate = math.log(rng.uniform(0.1, 1.2))
        for w in range(weeks):
            log_rate += rng.gauss(0, 0.2)
            log_rate = min(max(log_rate, math.log(0.02)), math.log(4))
            rates.append(math.exp(log_rate) if start <= w <= end else 0.004)
    elif kind == "oneway":
        rates = [0.03 if rng.random() < 0.5 else 0 for _ in range(weeks)]
    else:  # acquaintance: rare, irregular
        rates = [rng.choice([0, 0, 0, 0.02, 0.05]) for _ in range(weeks)]
    return rates


def build_cast(rng, domain, contacts):
    people, names = [], set()

    def fresh_name():
        while True:
            name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
            if name not in names:
                names.add(name)
                return name

    def address(name, company, style):
        first, last = name.lower().split()
        local = {0: f"{first}.{last}", 1: f"{first[0]}{last}", 2: f"{first}{last[0]}", 3: f"{last}.{first}"}[style]
        return f"{local}@{company}.example"

    mix = [("core", 0.08), ("project", 0.16), ("client", 0.30), ("mover", 0.06), ("latent", 0.10), ("oneway", 0.10),
           ("acquaintance", 0.20)]
    for kind, share in mix:
        for _ in range(max(1, int(contacts * share))):
            name = fresh_name()
            company = domain if kind in ("core", "project") and rng.random() < 0.7 else rng.choice(COMPANIES)
            p = Person(name, address(name, company, rng.randrange(4)), kind)
            p.no_threads = rng.random() < 0.3
            if kind == "mover":
                p.switch_at = AS_OF - dt.timedelta(days=rng.randint(60, 700))
                p.new_address = address(name, rng.choice(COMPANIES) + "-new", rng.randrange(4))
            if kind == "latent":
                p.direct_from = AS_OF - dt.timedelta(days=rng.randint(30, 600))
            people.append(p)
    # 12% share a full name with someone else at another address (different local part and domain).
    for original in rng.sample(people, int(len(people) * 0.12)):
        twin = Person(original.name, address(original.name, rng.choice(COMPANIES) + "-two", (rng.randrange(4))), "namesake")
        if twin.address != original.address:
            people.append(twin)
    robots = [Person(n, f"{l}@{c}.example", "robot") for n, l, c in [
        ("Tailspin News", "newsletter", "tailspin"), ("Expense System", "noreply", "litware"),
        ("Calendar", "notifications", "adatum"), ("Build Alerts", "alerts", "proseware")]]
    by_company = {}
    for p in people:
        by_company.setdefault(p.address.split("@")[1], []).append(p)
    for p in people:
        mates = [m for m in by_company[p.address.split("@")[1]] if m is not p]
        p.team = rng.sample(mates, min(len(mates), rng.randint(0, 4)))
    latent = [p for p in people if p.kind == "latent"]
    for p in people:  # the latent contacts are copied on others' mail before they become direct
        if p.kind in ("core", "client", "project") and latent and rng.random() < 0.4:
            p.team.append(rng.choice(latent))
    return people, robots


def generate(rng, owner_name, owner_address, contacts, plain):
    people, robots = build_cast(rng, owner_address.split("@")[1].split(".")[0], contacts)
    owner = {"name": owner_name, "address": owner_address}
    start = AS_OF - dt.timedelta(days=365 * YEARS)
    weeks = (AS_OF - start).days // 7
    inbox, sent, events = [], [], []

    def who(p, at):
        address = p.new_address if p.switch_at and at >= p.switch_at else p.address
        return {"emailAddress": {"name": p.name, "address": address}}

    def message(frm, to, cc, at, conversation, subject, folder):
        m = {"id": stable_id("AAMk", owner_address, folder, str(len(inbox) + len(sent)), iso(at)),
             "sentDateTime": iso(at), "receivedDateTime": iso(at + dt.timedelta(seconds=rng.randint(2, 90))),
             "isDraft": False, "isRead": True, "inferenceClassification": "focused",
             "from": frm, "sender": frm, "toRecipients": to, "ccRecipients": cc}
        if not plain:
            m["subject"] = subject
            if conversation:
                m["conversationId"] = conversation
        (inbox if folder == "inbox" else sent).append(m)

    for p in people:
        rates = rate_path(rng, p.kind, weeks)
        for w, rate in enumerate(rates):
            for _ in range(poisson(rng, rate)):
                at = work_time(rng, start + dt.timedelta(weeks=w))
                if at >= AS_OF:
                    continue
                copied = [who(m, at) for m in p.team if rng.random() < 0.35]
                direct = p.direct_from is None or at >= p.direct_from
                conversation = None if p.no_threads or rng.random() < 0.15 else stable_id("AAQk", owner_address, p.address, str(w), str(at.minute))
                subject = f"{rng.choice(['Update', 'Question', 'Notes', 'Plan', 'Review'])} {w % 53}"
                if not direct:
                    # Copied only: someone else writes to the owner and copies them.
                    sender = next((m for m in people if p in m.team and m is not p), None)
                    if sender is not None:
                        message(who(sender, at), [{"emailAddress": owner}], [who(p, at)] + copied, at, conversation, subject, "inbox")
                    continue
                owner_first = rng.random() < {"core": 0.5, "project": 0.5, "oneway": 0.0, "acquaintance": 0.3}.get(p.kind, 0.45)
                reply_chance = {"oneway": 0.0, "acquaintance": 0.4}.get(p.kind, 0.75)
                if owner_first:
                    message({"emailAddress": owner}, [who(p, at)], copied, at, conversation, subject, "sentitems")
                    if rng.random() < reply_chance:
                        later = at + dt.timedelta(hours=rng.expovariate(1 / 20))
                        if later < AS_OF:
                            message(who(p, later), [{"emailAddress": owner}], copied, later, conversation, "Re: " + subject, "inbox")
                else:
                    message(who(p, at), [{"emailAddress": owner}], copied, at, conversation, subject, "inbox")
                    if rng.random() < reply_chance:
                        later = at + dt.timedelta(hours=rng.expovariate(1 / 30))
                        if later < AS_OF:
                            message({"emailAddress": owner}, [who(p, later)], copied, later, conversation, "Re: " + subject, "sentitems")
        # A mover's new address answers an old thread once, soon after the switch.
        if p.switch_at and not plain and rng.random() < 0.6 and p.switch_at + dt.timedelta(days=5) < AS_OF:
            old = [m for m in sent if m["toRecipients"] and m["toRecipients"][0]["emailAddress"]["address"] == p.address and "conversationId" in m]
            if old:
                thread = old[-1]
                at = p.switch_at + dt.timedelta(days=rng.randint(1, 5))
                message(who(p, at), [{"emailAddress": owner}], [], at, thread["conversationId"], "Re: " + thread.get("subject", ""), "inbox")
    for r in robots:
        for w in range(weeks):
            if rng.random() < 0.8:
                at = work_time(rng, start + dt.timedelta(weeks=w))
                if at < AS_OF:
                    frm = {"emailAddress": {"name": r.name, "address": r.address}}
                    message(frm, [{"emailAddress": owner}], [], at, None, "Digest", "inbox")
    if not plain:
        core = [p for p in people if p.kind == "core"]
        for p in core[: max(1, len(core) // 2)]:
            every = rng.choice([7, 14, 28])
            day = start + dt.timedelta(days=rng.randint(0, 60))
            while day < AS_OF - dt.timedelta(days=1):
                if rng.random() < 0.85:
                    at = work_time(rng, day)
                    events.append(event(owner_address, p, owner, at))
                day += dt.timedelta(days=every)
    return inbox, sent, events


def poisson(rng, rate):
    if rate <= 0:
        return 0
    k, p, limit = 0, 1.0, math.exp(-rate)
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def event(owner_address, p, owner, at):
    end = at + dt.timedelta(minutes=30)
    return {"id": stable_id("AAMkEv", owner_address, p.address, iso(at)), "subject": "1:1", "type": "singleInstance",
            "isCancelled": False, "isOrganizer": True, "responseStatus": {"response": "organizer", "time": "0001-01-01T00:00:00Z"},
            "start": {"dateTime": at.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"},
            "end": {"dateTime": end.strftime("%Y-%m-%dT%H:%M:%S.0000000"), "timeZone": "UTC"},
            "organizer": {"emailAddress": owner},
            "attendees": [{"type": "required", "status": {"response": "accepted", "time": iso(at)},
                           "emailAddress": {"name": p.name, "address": p.address}}]}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mailboxes", type=int, default=3)
    parser.add_argument("--contacts", type=int, default=250)
    parser.add_argument("--plain", action="store_true")
    args = parser.parse_args()
    users = []
    for n in range(args.mailboxes):
        rng = random.Random(args.seed * 1000 + n)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        domain = f"{rng.choice(COMPANIES)}{n}"
        address = f"{first.lower()}.{last.lower()}@{domain}.example"
        user_id = f"{rng.getrandbits(32):08x}-0000-4000-8000-{rng.getrandbits(48):012x}"
        users.append({"id": user_id, "displayName": f"{first} {last}", "mail": address, "userPrincipalName": address,
                      "proxyAddresses": [f"SMTP:{address}"]})
        inbox, sent, events = generate(rng, f"{first} {last}", address, args.contacts, args.plain)
        root = os.path.join(args.out, "users", user_id)
        for folder, items in (("inbox", inbox), ("sentitems", sent)):
            os.makedirs(os.path.join(root, "mailFolders", folder), exist_ok=True)
            with open(os.path.join(root, "mailFolders", folder, "messages.json"), "w") as f:
                json.dump({"value": items}, f)
        with open(os.path.join(root, "calendarView.json"), "w") as f:
            json.dump({"value": events}, f)
        print(f"{address}: {len(inbox)} received, {len(sent)} sent, {len(events)} meetings")
    with open(os.path.join(args.out, "users.json"), "w") as f:
        json.dump({"value": users}, f)


if __name__ == "__main__":
    main()
