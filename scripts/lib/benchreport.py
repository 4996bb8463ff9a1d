#!/usr/bin/env python3
"""scripts/bench's report: reads the raw runs (TSV: case, label, seconds, bytes, extra JSON), prints the
Markdown table (median, min, max, MB/s, StackVault's speed relative to each peer, the goal beside it)
and writes everything as JSON. Rows are grouped by case, in the order the cases first ran. The cpu
case's "seconds" are user + sys CPU-seconds (shown per GiB); the objects case has none (its extra JSON
holds the count). Usage: benchreport.py RESULTS.tsv OUT.json META-JSON"""
import json
import math
import statistics
import sys

results_path, json_path, meta = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])

rows = {}  # (case, label) -> {"seconds": [...], "bytes": n, "extra": [...]}
order = []
with open(results_path) as f:
    for line in f:
        case, label, seconds, nbytes, extra = line.rstrip("\n").split("\t")
        key = (case, label)
        if key not in rows:
            rows[key] = {"seconds": [], "bytes": int(nbytes), "extra": []}
            order.append(key)
        value = float(seconds)
        if not math.isnan(value):
            rows[key]["seconds"].append(value)
        rows[key]["extra"].append(json.loads(extra) if extra else {})
# Group the rows by case (cases in the order they first ran; rows in their own order within a case).
case_rank = {}
for case, _ in order:
    case_rank.setdefault(case, len(case_rank))
order.sort(key=lambda k: case_rank[k[0]])
GIB = 1073741824


def median(key):
    s = rows.get(key, {}).get("seconds")
    return statistics.median(s) if s else None


def mib(n):
    return f"{n / 1048576:.0f} MiB" if n >= 1048576 else f"{n / 1024:.0f} KiB"


def fmt_s(v):
    return "–" if v is None else (f"{v:.2f} s" if v >= 0.1 else f"{v * 1000:.0f} ms")


# Goals: (kind of case, peer label) -> (minimum ratio of StackVault's speed to the peer's, description)
SV_LABEL = {"ingest/fake": "StackVault backup", "ingest/realglance": "StackVault backup (image ingest tool)",
            "restore": "StackVault restore: upload stage", "swift": "StackVault backup into the Swift bank",
            "s3": "StackVault backup into the S3 bank",
            "export": "StackVault export (raw: verified, sparse, fsync'ed)"}
KIND = {"ingest/fake": "ingest", "ingest/realglance": "ingest", "restore": "restore", "swift": "bank", "s3": "bank",
        "export": "export"}
RATIO_GOALS = {
    ("ingest", "curl | restic backup --stdin"): (1.5, "≥ 1.5× restic"),
    ("ingest", "openstack image save"): (3.0, "≥ 3× openstack image save"),
    ("ingest", "openssl dgst -sha512 (warm file)"): (0.8, "≥ 0.8× the sha512 floor"),
    ("ingest", "curl -o /dev/null"): (None, "loopback ceiling (no goal)"),
    ("restore", "curl -T"): (0.9, "≥ 0.9× curl -T"),
    ("bank", "curl | restic backup --stdin"): (1.0, "≥ 1.0× restic"),
    ("bank", "rclone copy (warm file)"): (0.8, "≥ 0.8× rclone copy"),
    ("export", "restic dump > file"): (0.8, "≥ 0.8× restic dump"),
}
ENCRYPTION_COST_GOAL = 0.10  # encrypted at most 10 % slower than the same build with encryption off
CPU_GOAL = 3.5  # CPU-seconds (user + sys) per GiB ingested, encrypted
OBJECTS_GOAL = 80  # objects per GiB stored


def fmt_cpu(v):
    return "–" if v is None else f"{v:.2f} CPU-s/GiB"

out = []
summary = {"meta": meta, "cases": []}
out.append("| case | what | median | min | max | MB/s | StackVault ÷ this | goal |")
out.append("|---|---|---|---|---|---|---|---|")
verdicts = []
for key in order:
    case, label = key
    r = rows[key]
    s = r["seconds"]
    med = statistics.median(s) if s else None
    entry = {"case": case, "label": label, "runs": s, "bytes": r["bytes"], "extra": r["extra"],
             "median_seconds": med}
    rate = f"{r['bytes'] / med / 1e6:.0f}" if med and r["bytes"] else ""
    ratio_text, goal_text = "", ""
    sv = SV_LABEL.get(case)
    goal = RATIO_GOALS.get((KIND.get(case), label))
    shown = None  # the median/min/max cells, when not seconds
    if case in KIND:
        sv_med = median((case, sv))
        if goal and sv_med and med:
            ratio = med / sv_med
            entry["stackvault_speed_ratio"] = ratio
            ratio_text = f"{ratio:.2f}×"
            want, what = goal
            if want is None:
                goal_text = what
            else:
                ok = ratio >= want
                goal_text = f"{what} {'✅' if ok else '❌'}"
                verdicts.append((f"{case}: {what}", ok, f"{ratio:.2f}×"))
        elif goal:
            goal_text = goal[1] + " (not measured)"
        elif label.endswith(", encryption off") and sv_med and med:
            # The same build, the same bytes, into a plain bank: what encryption costs in wall time.
            ratio = med / sv_med
            cost = sv_med / med - 1
            entry["stackvault_speed_ratio"] = ratio
            entry["encryption_cost"] = cost
            ratio_text = f"{ratio:.2f}×"
            ok = cost <= ENCRYPTION_COST_GOAL
            goal_text = f"encryption costs {100 * cost:+.1f} % ≤ {100 * ENCRYPTION_COST_GOAL:.0f} % {'✅' if ok else '❌'}"
            verdicts.append((f"{case}: encryption ≤ {100 * ENCRYPTION_COST_GOAL:.0f} % slower", ok, f"{100 * cost:+.1f} %"))
    elif case == "cpu":
        per_gib = [v * GIB / r["bytes"] for v in s]
        entry["cpu_seconds_per_gib"] = statistics.median(per_gib) if per_gib else None
        shown = [statistics.median(per_gib), min(per_gib), max(per_gib)] if per_gib else [None] * 3
        users = [e["user_s"] * GIB / r["bytes"] for e in r["extra"] if "user_s" in e]
        syss = [e["sys_s"] * GIB / r["bytes"] for e in r["extra"] if "sys_s" in e]
        if users:
            goal_text = f"user {statistics.median(users):.2f} + sys {statistics.median(syss):.2f}"
        # Each row against StackVault's run beside it: the local ingest, or the Swift / S3 one ("swift: …").
        prefix = label.split(": ")[0] + ": " if label.startswith(("swift: ", "s3: ")) else ""
        sv_label = prefix + "StackVault backup (stackvault-cli)"
        if "the cloud's services during" in label:  # the servers' CPU against theirs during StackVault's run
            sv_label = next((k[1] for k in order if k[0] == "cpu" and k[1].startswith(prefix + "the cloud's services during StackVault")), "")
        sv_cpu = median(("cpu", sv_label))
        if label == "StackVault backup (stackvault-cli)" and per_gib:
            v = statistics.median(per_gib)
            ok = v <= CPU_GOAL
            goal_text += f"; ≤ {CPU_GOAL} CPU-s/GiB {'✅' if ok else '❌'}"
            verdicts.append((f"CPU per GiB ingested (encrypted) ≤ {CPU_GOAL} CPU-s", ok, f"{v:.2f} CPU-s/GiB"))
        elif label == "floor: the required parts alone (stackvault-bench-floor)" and per_gib:
            v = statistics.median(per_gib)
            goal_text += f"; the floor is {'within' if v <= CPU_GOAL else 'above'} the goal ≤ {CPU_GOAL} CPU-s/GiB"
            if sv_cpu and med:
                ratio_text = f"{med / sv_cpu:.2f}×"
        elif sv_cpu and med and label != sv_label:
            # As for speed: > 1 means StackVault uses less CPU than this for the same bytes.
            ratio_text = f"{med / sv_cpu:.2f}×"
        med, rate = None, ""
    elif case == "objects":
        counts = [e["objects"] for e in r["extra"]]
        n = statistics.median(counts)
        per_gib = n * GIB / r["bytes"]
        entry["objects"] = n
        entry["objects_per_gib"] = per_gib
        shown = [None] * 3
        stored = [e["stored_bytes"] for e in r["extra"] if "stored_bytes" in e]
        goal_text = f"{n:.0f} objects" + (f" ({mib(statistics.median(stored))})" if stored else "") + f" = {per_gib:.0f} per GiB"
        if not label.startswith("restic"):
            ok = per_gib <= OBJECTS_GOAL
            goal_text += f" ≤ {OBJECTS_GOAL} {'✅' if ok else '❌'}"
            verdicts.append((f"objects per GiB stored ≤ {OBJECTS_GOAL} ({label.split(' after')[0]})", ok, f"{per_gib:.0f}"))
    elif case == "incremental" and r["extra"] and "new_stored_bytes" in r["extra"][0]:
        nb = [e.get("new_bytes", e.get("new_stored_bytes")) for e in r["extra"]]
        pct = 100 * statistics.median(nb) / r["bytes"]
        stored = statistics.median([e["new_stored_bytes"] for e in r["extra"]])
        entry["new_bytes_percent"] = pct
        if "new_bytes" in r["extra"][0]:
            ok = pct <= 5
            goal_text = f"new {pct:.1f} % ({mib(stored)} stored) ≤ 5 % {'✅' if ok else '❌'}"
            verdicts.append(("incremental: new bytes ≤ 5 % at 3 % change", ok, f"{pct:.1f} %"))
        else:
            goal_text = f"stored {mib(stored)} ({100 * stored / r['bytes']:.1f} %, compressed + encrypted)"
        sv_med = median(("incremental", "StackVault backup after 3 % change"))
        if label.startswith("restic") and sv_med and med:
            ratio_text = f"{med / sv_med:.2f}×"
    elif case == "memory":
        rss = r["extra"][0]["rss_kib"] / 1024
        entry["rss_mib"] = rss
        s, med, rate = [], None, ""
        big = r["bytes"] == max(rows[k]["bytes"] for k in order if k[0] == "memory")
        goal_text = f"{rss:.0f} MiB"
        if big:
            ok = rss <= 150
            goal_text += f" ≤ 150 MiB {'✅' if ok else '❌'}"
            verdicts.append(("memory: peak RSS ≤ 150 MiB at 4× size", ok, f"{rss:.0f} MiB"))
    elif case == "listing":
        sv_med = median(("listing", "stackvault-cli servers"))
        if label.startswith(("stackvault-cli", "cloud tree")) and med is not None:
            ok = med <= 2
            goal_text = f"≤ 2 s {'✅' if ok else '❌'}"
            verdicts.append((f"listing {meta['servers']} servers ≤ 2 s ({label})", ok, fmt_s(med)))
            if r["extra"] and "max_stall_ms" in r["extra"][0]:
                stall = max(e["max_stall_ms"] for e in r["extra"])
                stall_ok = stall < 50
                goal_text += f"; longest GUI stall {stall:.0f} ms < 50 ms {'✅' if stall_ok else '❌'}"
                verdicts.append((f"GUI stall while {meta['servers']} servers load < 50 ms", stall_ok, f"{stall:.0f} ms"))
        elif sv_med and med:
            ratio_text = f"{med / sv_med:.2f}×"
    elif case == "volumes" and label.startswith("StackVault backup: root disk"):
        singles = [median(k) for k in order if k[0] == "volumes" and k[1].startswith("single-image ingest")]
        rss = max(e.get("rss_kib", 0) for e in r["extra"]) / 1024
        entry["rss_mib"] = rss
        single_rss = [rows[k]["extra"][0]["rss_kib"] / 1024 for k in order
                      if k[0] == "memory" and rows[k]["bytes"] == meta["size_bytes"]]
        if singles and all(singles) and med:
            ratio = med / sum(singles)
            entry["ratio_to_single_ingests"] = ratio
            ok = ratio <= 1.1
            ratio_text = f"{ratio:.2f}× the 3 ingests ({fmt_s(sum(singles))})"
            goal_text = f"≤ 1.1× {'✅' if ok else '❌'}; peak RSS {rss:.0f} MiB"
            if single_rss:
                goal_text += f" (one image: {single_rss[0]:.0f} MiB)"
            verdicts.append(("volumes: root + 2 volumes ≤ 1.1× three single-image ingests", ok, f"{ratio:.2f}×"))
    elif case == "checkpoints" and r["extra"] and "goal_s" in r["extra"][0]:
        goal_s = r["extra"][0]["goal_s"]
        if med is not None:
            ok = med <= goal_s
            goal_text = f"≤ {goal_s:g} s {'✅' if ok else '❌'}"
            verdicts.append((f"{label} ≤ {goal_s:g} s", ok, fmt_s(med)))
    elif case == "checkpoints" and r["extra"] and "rss_growth_mib" in r["extra"][0]:
        e = r["extra"][0]
        held = max(e["writer_list_mib"], e["reader_list_mib"])
        ok = held <= 64 and e["rss_growth_mib"] <= 64
        goal_text = (f"list held ≤ {held:.1f} MiB, peak RSS +{e['rss_growth_mib']:.0f} MiB ({e['parts']} parts); "
                     f"≤ 64 MiB {'✅' if ok else '❌'}")
        verdicts.append(("2 TiB chunk list: memory ≤ 64 MiB", ok, f"{max(held, e['rss_growth_mib']):.0f} MiB"))
    elif case == "plans" and label.startswith("plan of 8"):
        single = next((median(k) for k in order if k[0] == "plans" and k[1].startswith("one server's backup")), None)
        states = {e.get("state") for e in r["extra"]}
        if single and med:
            ratio = med / single
            entry["ratio_to_one_backup"] = ratio
            ok = ratio <= 2.5 and states == {"succeeded"}
            ratio_text = f"{ratio:.2f}× one backup"
            goal_text = f"≤ 2.5× one server's backup {'✅' if ok else '❌'}" + ("" if states == {"succeeded"} else f" (runs: {', '.join(sorted(map(str, states)))})")
            verdicts.append(("plan of 8 servers, parallelism 4 ≤ 2.5× one backup", ok, f"{ratio:.2f}×"))
    elif case == "admin" and r["extra"] and "max_stall_ms" in r["extra"][0]:
        listed = statistics.median(e["seconds"] for e in r["extra"])
        stall = max(e["max_stall_ms"] for e in r["extra"])
        ok, stall_ok = listed <= 5, stall < 50
        goal_text = (f"listed in {listed:.2f} s (in the app) ≤ 5 s {'✅' if ok else '❌'}; "
                     f"longest GUI stall {stall:.0f} ms < 50 ms {'✅' if stall_ok else '❌'}")
        verdicts.append((f"All projects: {label.split(': ', 1)[-1]} listed ≤ 5 s", ok, f"{listed:.2f} s"))
        verdicts.append(("GUI stall while All projects loads < 50 ms", stall_ok, f"{stall:.0f} ms"))
    elif case == "gui" and r["extra"] and "max_stall_ms" in r["extra"][0]:
        stall = max(e["max_stall_ms"] for e in r["extra"])
        ok = stall < 50
        goal_text = f"longest stall {stall:.0f} ms < 50 ms {'✅' if ok else '❌'}"
        verdicts.append(("GUI stall < 50 ms", ok, f"{stall:.0f} ms"))
    summary["cases"].append(entry)
    cell = label.replace("|", "\\|")
    if shown is not None:
        cells = " | ".join("–" if v is None else fmt_cpu(v) for v in shown)
    else:
        cells = f"{fmt_s(med)} | {fmt_s(min(s) if s else None)} | {fmt_s(max(s) if s else None)}"
    out.append(f"| {case} | {cell} | {cells} | {rate} | {ratio_text} | {goal_text} |")

summary["goals"] = [{"goal": g, "met": ok, "value": v} for g, ok, v in verdicts]
print(f"\nStackVault benchmark — image {mib(meta['size_bytes'])}, {meta['runs']} run(s) each, "
      f"{meta['cpus']} CPUs ({meta['cpu']}), restic {meta['restic']}, rclone {meta.get('rclone') or '–'}, "
      f"commit {meta.get('commit') or '–'}, {meta['date']}"
      + (" — QUICK (tiny sizes: figures mean nothing)" if meta.get("quick") else "") + "\n")
print("\n".join(out))
print("\nGoals: " + ", ".join(f"{g}: {v} {'met' if ok else 'MISSED'}" for g, ok, v in verdicts))
print("restic always encrypts (AES-256 + Poly1305) and compresses its repository; StackVault compresses (zstd -1) and encrypts (AES-256-GCM) unless a row says encryption off.")
print("cpu: user + sys CPU-seconds of that one process per GiB ingested (GNU time, getrusage of the child); its "
      "\"StackVault ÷ this\" is this one's CPU over StackVault's (> 1: StackVault uses less). objects: files or objects "
      "in the bank, container or bucket after one backup (median over the runs). floor: the parts an encrypted backup "
      "must run (SHA-512 of the image, HMAC-SHA256 chunk ids, zstd -1, AES-256-GCM, Argon2id, receiving the download, "
      "FastCDC) alone on one thread without copies, no checkpoint written (tests/bench/ingestfloor.cpp); \"without X\": "
      "the same without that part.")
with open(json_path, "w") as f:
    json.dump(summary, f, indent=2)
