"""Build the bundled reference series (``src/newsaudit/data/series/*.json``) from ../shared/data.

- ``ua_general_staff.json``: the General Staff of the Armed Forces of Ukraine's daily cumulative
  count of Russian losses (personnel and each equipment class), from ``ua_war_losses`` (MIT),
  with the revisions of ``ua_war_losses_corrections`` folded into the rows they apply to;
- ``oryx.json``: Oryx's visually confirmed equipment losses of Russia and of Ukraine, from
  ``oryx_equipment_losses`` (CC BY 4.0), a lower bound sampled on irregular dates.

Only the figures are copied (dates and counts), with their attribution; the format is the one
``newsaudit.reference.series`` documents. Run: ``python scripts/build_series.py [--data DIR]``.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "newsaudit" / "data" / "series"

GENERAL_STAFF = "General Staff of the Armed Forces of Ukraine"
GS_ALIASES = ["General Staff", "Ukrainian General Staff", "Ukraine's General Staff", "Armed Forces of Ukraine",
              "Ukraine's armed forces", "Ukrainian armed forces", "Ukraine's military", "Ukrainian military",
              "Ukraine's defence ministry", "Ukraine's defense ministry", "Ukrainian defence ministry",
              "Ukrainian defense ministry", "Ministry of Defence of Ukraine", "Ministry of Defense of Ukraine"]
GS_ATTRIBUTION = ("General Staff of the Armed Forces of Ukraine, daily reports; compiled by "
                  "PetroIvaniuk/2022-Ukraine-Russia-War-Dataset (MIT), commit 37655f8b")
RUSSIAN = ["Russia", "Russian", "Russians", "Russia's", "Moscow", "Moscow's", "Kremlin", "enemy", "occupiers",
           "invaders", "occupying"]
UKRAINIAN = ["Ukraine", "Ukrainian", "Ukrainians", "Ukraine's", "Kyiv", "Kyiv's", "Kiev", "Kiev's"]

# Column of the General Staff's file -> (key, metric, words a claim uses for what it counts).
GS_CLASSES = {
    "personnel": ("personnel", "Russian military personnel losses (killed, wounded and captured)",
                  ["personnel", "troops", "soldiers", "servicemen", "casualties", "military casualties",
                   "losses", "troops killed", "soldiers killed", "killed", "killed or wounded",
                   "killed and wounded", "dead and wounded", "men", "fighters"]),
    "tank": ("tanks", "Russian tanks lost", ["tanks", "tank", "main battle tanks"]),
    "APC": ("armoured_vehicles", "Russian armoured combat vehicles lost",
            ["armoured vehicles", "armored vehicles", "armoured combat vehicles", "armored combat vehicles",
             "armoured personnel carriers", "armored personnel carriers", "APCs", "AFVs",
             "armoured fighting vehicles", "armored fighting vehicles"]),
    "field artillery": ("artillery", "Russian artillery systems lost",
                        ["artillery systems", "artillery pieces", "artillery", "artillery guns", "guns", "howitzers"]),
    "MRL": ("rocket_launchers", "Russian multiple rocket launchers lost",
            ["multiple rocket launchers", "multiple launch rocket systems", "rocket launchers", "MLRS", "MLRSs",
             "MRLs", "rocket systems"]),
    "anti-aircraft warfare": ("air_defence", "Russian air defence systems lost",
                              ["air defence systems", "air defense systems", "anti-aircraft systems",
                               "air defence units", "air defense units", "anti-aircraft warfare systems"]),
    "aircraft": ("aircraft", "Russian aircraft lost", ["aircraft", "planes", "warplanes", "jets", "fighter jets"]),
    "helicopter": ("helicopters", "Russian helicopters lost", ["helicopters", "choppers"]),
    "drone": ("drones", "Russian drones lost", ["drones", "UAVs", "unmanned aerial vehicles",
                                                "operational-tactical drones", "operational-tactical UAVs"]),
    "cruise missiles": ("cruise_missiles", "Russian cruise missiles downed", ["cruise missiles"]),
    "naval ship": ("ships", "Russian warships and boats lost", ["warships", "ships", "boats", "ships and boats",
                                                                 "vessels"]),
    "submarines": ("submarines", "Russian submarines lost", ["submarines"]),
    "vehicles and fuel tanks": ("vehicles", "Russian vehicles and fuel tanks lost",
                                ["vehicles and fuel tanks", "military vehicles", "vehicles", "trucks", "fuel tanks",
                                 "motor vehicles"]),
    "special equipment": ("special_equipment", "Russian special equipment lost",
                          ["special equipment", "units of special equipment", "pieces of special equipment"]),
    "ground robotic systems": ("ground_robots", "Russian ground robotic systems lost",
                               ["ground robotic systems", "ground robots", "unmanned ground vehicles"]),
}

ORYX = "Oryx"
ORYX_ALIASES = ["Oryx", "Oryxspioenkop", "Oryx blog", "Oryx open-source"]
ORYX_ATTRIBUTION = ("Oryx, \"Attack On Europe: Documenting Equipment Losses\" (oryxspioenkop.com), visually "
                    "confirmed losses; compiled by scarnecchia/oryx_data (CC BY 4.0), commit a8624b47")
# Oryx's equipment type -> (key part, words a claim uses).
ORYX_TYPES = {
    "All Types": ("all", ["pieces of equipment", "equipment", "pieces of military equipment",
                          "pieces of hardware", "military equipment"]),
    "Tanks": ("tanks", ["tanks", "tank", "main battle tanks"]),
    "Losses of Armoured Combat Vehicles [Tanks": ("armoured_combat_vehicles", ["armoured combat vehicles",
                                                                                "armored combat vehicles"]),
    "Armoured Fighting Vehicles": ("afvs", ["armoured fighting vehicles", "armored fighting vehicles", "AFVs"]),
    "Infantry Fighting Vehicles": ("ifvs", ["infantry fighting vehicles", "IFVs"]),
    "Armoured Personnel Carriers": ("apcs", ["armoured personnel carriers", "armored personnel carriers", "APCs"]),
    "Infantry Mobility Vehicles": ("imvs", ["infantry mobility vehicles"]),
    "Mine-Resistant Ambush Protected": ("mraps", ["MRAPs", "mine-resistant ambush protected vehicles"]),
    "Aircraft": ("aircraft", ["aircraft", "planes", "warplanes", "jets"]),
    "Helicopters": ("helicopters", ["helicopters"]),
    "Multiple Rocket Launchers": ("rocket_launchers", ["multiple rocket launchers", "rocket launchers", "MLRS"]),
    "Self-Propelled Artillery": ("self_propelled_artillery", ["self-propelled artillery", "self-propelled guns",
                                                             "self-propelled howitzers"]),
    "Towed Artillery": ("towed_artillery", ["towed artillery", "towed guns", "towed howitzers"]),
    "Surface-To-Air Missile Systems": ("sams", ["surface-to-air missile systems", "SAM systems"]),
    "Reconnaissance Unmanned Aerial Vehicles": ("recon_drones", ["reconnaissance drones", "reconnaissance UAVs"]),
    "Engineering Vehicles And Equipment": ("engineering_vehicles", ["engineering vehicles"]),
    "Trucks": ("trucks", ["trucks", "vehicles and jeeps"]),
    "Radars": ("radars", ["radars", "radar systems"]),
}
MIN_ORYX_ROWS = 5  # fewer snapshots than this say too little about a date between them


def general_staff(data: Path) -> dict:
    personnel = json.loads((data / "ua_war_losses" / "russia_losses_personnel.json").read_text(encoding="utf-8"))
    equipment = json.loads((data / "ua_war_losses" / "russia_losses_equipment.json").read_text(encoding="utf-8"))
    corrections = json.loads((data / "ua_war_losses_corrections" / "russia_losses_equipment_correction.json")
                             .read_text(encoding="utf-8"))
    by_date = defaultdict(dict)
    for row in personnel + equipment:
        by_date[row["date"]].update(row)
    series = []
    for column, (key, metric, counts) in GS_CLASSES.items():
        rows = [[day, int(values[column])] for day, values in sorted(by_date.items())
                if isinstance(values.get(column), (int, float))]
        revisions = [{"date": c["date"], "change": c[column],
                      "note": f"the General Staff revised this total by {c[column]:+d} on this date"}
                     for c in corrections if c.get(column)]
        series.append({
            "key": f"ua_general_staff.{key}", "metric": metric, "unit": "people" if column == "personnel" else "units",
            "counts": counts, "subject": RUSSIAN, "source": GENERAL_STAFF, "aliases": GS_ALIASES,
            "licence": "MIT", "attribution": GS_ATTRIBUTION, "kind": "cumulative", "bound": "reported",
            "rows": rows, "revisions": revisions,
        })
    return {"series": series}


def oryx(data: Path) -> dict:
    by_type = defaultdict(dict)
    with open(data / "oryx_equipment_losses" / "daily_count.csv", encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            label = row["equipment_type"].split(" - ")[0].split(",")[0].strip()
            by_type[(row["country"], label)][row["date_recorded"]] = int(row["type_total"])
    series = []
    for (country, label), values in sorted(by_type.items()):
        if label not in ORYX_TYPES or len(values) < MIN_ORYX_ROWS:
            continue
        part, counts = ORYX_TYPES[label]
        rows = [[day, value] for day, value in sorted(values.items()) if value > 0]
        series.append({
            "key": f"oryx.{country.lower()}.{part}", "metric": f"{country}'s {label.lower()} lost, visually confirmed",
            "unit": "units", "counts": counts, "subject": RUSSIAN if country == "Russia" else UKRAINIAN,
            "source": ORYX, "aliases": ORYX_ALIASES, "licence": "CC BY 4.0", "attribution": ORYX_ATTRIBUTION,
            "kind": "cumulative", "bound": "lower", "rows": rows,
        })
    return {"series": series}


def write(path: Path, content: dict) -> None:
    """One series header and one row a line: small diffs when the data is rebuilt."""
    lines = ['{"series": [']
    for index, item in enumerate(content["series"]):
        head = {k: v for k, v in item.items() if k not in ("rows", "revisions")}
        lines.append(json.dumps(head, ensure_ascii=False)[:-1] + ', "revisions": '
                     + json.dumps(item.get("revisions", []), ensure_ascii=False) + ', "rows": [')
        lines.append(",\n".join(json.dumps(row) for row in item["rows"]))
        lines.append("]}" + ("," if index < len(content["series"]) - 1 else ""))
    lines.append("]}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    write(OUT / "ua_general_staff.json", general_staff(args.data))
    write(OUT / "oryx.json", oryx(args.data))
    for name in ("ua_general_staff.json", "oryx.json"):
        print(f"{OUT / name}: {(OUT / name).stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
