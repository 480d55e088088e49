"""Quantities as a reader means them: value, range, unit, scale, rate and approximation.

One scanner (:data:`NUMERAL`) finds numerals: digits with separators and decimals, scale
words and abbreviations ("1.14 million", "€140bn", "$3m"), number words ("six", "a
dozen", "twenty-one"), vague plurals ("hundreds", "tens of thousands") and ranges ("15-20",
"$16-18bn", "30 to 40", "between 10 and 20"). What follows each numeral says what it counts
(:func:`_tail`): a percent sign, a unit ("30 kilometers", "20km"), a duration ("21 months"),
a currency word, or the counted noun, past one modifier ("200 Russian soldiers"); a period
after it makes it a rate ("30,000/month", "1,008 daily", "700 attacks a day").

How values are filled, so that checks can compare them:

- a single number has ``value`` and no ``low``/``high``;
- a range ("15-20 kilometers") has ``low``/``high`` and ``value`` None;
- a vague plural ("hundreds of volunteers") has the bounds it can mean (200..999), value
  None and ``approx`` True;
- a ratio ("8-to-1", "3:1") has ``value`` = left / right and unit "ratio".

Numbers that are not quantities are skipped: years, parts of dates, ordinals ("1,000th"),
designations that mix digits and letters ("2S1", "Buk-M3", "F-16", "COVID-19", "WW1"),
clock times, phone numbers, scores ("2-1"), decades ("1990s") and version numbers.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, replace
from typing import Iterator, Optional

from ..model import Quantity
from ..text.dates import DAY_MONTH, ISO_DATE, MONTH_DAY
from . import unit_vocabulary

__all__ = ["SpanSet", "UNIT_NAMES", "find_quantities", "parse_number", "unit_name", "word_number", "WORD_NUMBER",
           "WORD_NUMBERS"]

SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
WORD_NUMBERS = {**SMALL_NUMBERS, **TENS, "dozen": 12, "a dozen": 12, "hundred": 100, "a hundred": 100,
                "a thousand": 1000, "half a": 0.5, "half": 0.5}
# What a vague plural can mean: the smallest and largest value a reader would accept.
VAGUE_BOUNDS = {
    "dozens": (24, 99), "hundreds": (200, 999), "thousands": (2000, 9999), "tens of thousands": (20000, 99999),
    "hundreds of thousands": (200000, 999999), "millions": (2e6, 9.99e6), "tens of millions": (2e7, 9.99e7),
    "hundreds of millions": (2e8, 9.99e8), "billions": (2e9, 9.99e9),
}
SCALES = {"dozen": 12, "hundred": 100, "mil": 1e6, "mm": 1e6, "thousand": 1e3, "k": 1e3, "lakh": 1e5, "crore": 1e7,  # South Asian scales
          "million": 1e6, "mn": 1e6, "mln": 1e6, "bln": 1e9, "trln": 1e12, "m": 1e6, "billion": 1e9, "bn": 1e9, "b": 1e9,
          "trillion": 1e12, "tn": 1e12}
# ISO codes of currencies news writes before or after a number ("USD 5m", "500 EUR", "115USD").
CURRENCY_CODES = ("USD EUR GBP JPY CNY RMB INR CAD AUD CHF HKD NZD SGD SEK NOK DKK ISK PLN CZK HUF RON BGN HRK RSD "
                  "RUB UAH BYN KZT GEL AZN AMD TRY BRL MXN ZAR KRW ILS THB IDR MYR PHP VND NGN KES UGX TZS ETB GHS "
                  "XOF XAF EGP MAD TND DZD SAR QAR AED KWD BHD OMR JOD IQD IRR LBP PKR BDT LKR NPR TWD ARS CLP COP "
                  "PEN UYU DOP JMD BTC ETH").split()
# Codes that are also English words ("cop", "try", "pen", "mad"): a currency before a number only in capitals.
LOWER_CASE_CODES = "usd|eur|gbp|rmb|jpy|cny|inr|cad|aud|chf|hkd|nzd|sgd|sek|nok|dkk|pln|rub|uah|zar|krw|idr|myr|ngn|kes|aed|sar|pkr"
# A dollar sign with a country's letters: "US$", "C$", "NZ$", "Mex$", "NZD$".
DOLLAR_PREFIXES = {"us": "USD", "hk": "HKD", "nz": "NZD", "a": "AUD", "au": "AUD", "c": "CAD", "s": "SGD",
                   "nt": "TWD", "r": "BRL", "mex": "MXN", "mx": "MXN", "usd": "USD", "cad": "CAD", "aud": "AUD",
                   "hkd": "HKD", "nzd": "NZD", "sgd": "SGD", "mxn": "MXN"}
# ... and the same letters after the sign, as Australian and New Zealand papers write: "$US5 million", "$A20".
DOLLAR_AFTER_SIGN = ("us", "a", "au", "nz", "hk", "c", "s")
# Letters news writes before an amount, case kept: "SFr 2m", "NKr 300", "Rp 5,000", "RM5 million", "KSh 200".
CURRENCY_PREFIXES = {"SFr": "CHF", "Sfr": "CHF", "SFR": "CHF", "NKr": "NOK", "Nkr": "NOK", "DKr": "DKK", "Dkr": "DKK",
                     "SKr": "SEK", "Skr": "SEK", "Kr": "kr", "kr": "kr", "Rp": "IDR", "RM": "MYR", "KSh": "KES",
                     "Ksh": "KES", "Kshs": "KES", "USh": "UGX", "TSh": "TZS", "Tk": "BDT", "Dh": "AED", "Dhs": "AED",
                     "QR": "QAR", "zł": "PLN"}
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₴": "UAH", "₽": "RUB", "₹": "INR", "元": "CNY",
                  "₿": "BTC", "₩": "KRW", "₺": "TRY", "₪": "ILS", "₡": "CRC", "₾": "GEL", "₭": "LAK", "₦": "NGN",
                  "₱": "PHP", "₫": "VND", "฿": "THB", "₸": "KZT", "₼": "AZN", "₲": "PYG", "₵": "GHS", "₨": "INR",
                  "৳": "BDT", "¢": "USc",
                  **{code.lower(): "CNY" if code == "RMB" else code for code in CURRENCY_CODES},
                  **{f"{letters}$": code for letters, code in DOLLAR_PREFIXES.items()},
                  **{f"${letters}": code for letters, code in DOLLAR_PREFIXES.items() if letters in DOLLAR_AFTER_SIGN},
                  "rs": "INR", "rs.": "INR",
                  **{letters.lower(): code for letters, code in CURRENCY_PREFIXES.items()}, "kr.": "kr", "kč": "CZK",
                  "ரூ": "LKR"}  # the rupee in Tamil script, Sri Lanka's
_SIGNS = "".join(sign for sign in CURRENCY_SIGNS if len(sign) == 1)
# A currency written after the number: "500 USD", "115USD", "5 €", "6.25 BTC", "30 MUSD" (millions), "500 kr", "20 zł".
CURRENCY_AFTER = re.compile(rf"\s?(?P<mega>(?-i:M)(?=[A-Z]{{3}}\b))?(?P<code>(?-i:{'|'.join(CURRENCY_CODES)})|usd|eur|gbp|rmb"
                            rf"|(?-i:kr\.?|zł|Kč)|ரூ|[{_SIGNS}])(?![\w$€£])(?:\s(?P<scale>million|billion|trillion|thousand|bn|mn)\b)?")
# Currency words, each with the currency it means alone (dollars are American, francs Swiss,
# kroner Norwegian; a generic name where no country is the usual one: "dinars"); a nationality
# before one (CURRENCY_NATIONS) names the country's.
CURRENCY_NOUNS: dict[str, tuple[str, str]] = {  # form -> (its singular, the currency it means alone)
    **{form: ("dollar", "USD") for form in ("dollar", "dollars")},
    **{form: ("euro", "EUR") for form in ("euro", "euros")},
    **{form: ("ruble", "RUB") for form in ("ruble", "rubles", "rouble", "roubles")},
    "pence": ("penny", "GBX"), "penny": ("penny", "GBX"), "cents": ("cent", "USc"), "cent": ("cent", "USc"),
    **{form: ("peso", "MXN") for form in ("peso", "pesos")},
    **{form: ("lira", "TRY") for form in ("lira", "liras", "lire")},
    **{form: ("guilder", "NLG") for form in ("guilder", "guilders")}, "rand": ("rand", "ZAR"),
    **{form: ("bitcoin", "BTC") for form in ("bitcoin", "bitcoins")},
    **{form: ("satoshi", "satoshi") for form in ("satoshi", "satoshis")},
    **{form: ("rupee", "INR") for form in ("rupee", "rupees")},
    **{form: ("franc", "CHF") for form in ("franc", "francs")},
    **{form: ("shekel", "ILS") for form in ("shekel", "shekels", "sheqel", "sheqels")}, "naira": ("naira", "NGN"),
    **{form: ("hryvnia", "UAH") for form in ("hryvnia", "hryvnias", "hryvnas", "hryvna")},
    "yen": ("yen", "JPY"), "yuan": ("yuan", "CNY"), "renminbi": ("yuan", "CNY"), "yuan renminbi": ("yuan", "CNY"),
    "kuai": ("yuan", "CNY"), "bucks": ("dollar", "USD"), "quid": ("pound", "GBP"),
    "dimes": ("dime", "dime"), "nickels": ("nickel", "nickel"), "pounds sterling": ("pound", "GBP"), "sterling": ("pound", "GBP"),
    "markka": ("markka", "FIM"), "markkaa": ("markka", "FIM"),
    **{form: ("peseta", "ESP") for form in ("peseta", "pesetas")}, "baht": ("baht", "THB"),
    "reais": ("real", "BRL"), **{form: ("zloty", "PLN") for form in ("zloty", "zlotys", "zlotych", "złoty")},
    **{form: ("krona", "SEK") for form in ("krona", "kronor", "kronas")}, "kronur": ("krona", "ISK"),
    **{form: ("krone", "NOK") for form in ("krone", "kroner")}, "ringgit": ("ringgit", "MYR"),
    "rupiah": ("rupiah", "IDR"), **{form: ("dirham", "AED") for form in ("dirham", "dirhams")},
    **{form: ("riyal", "SAR") for form in ("riyal", "riyals")}, **{form: ("rial", "rial") for form in ("rial", "rials")},
    **{form: ("dinar", "dinar") for form in ("dinar", "dinars")},
    **{form: ("forint", "HUF") for form in ("forint", "forints")},
    **{form: ("koruna", "CZK") for form in ("koruna", "korunas", "koruny")}, "dong": ("dong", "VND"),
    "lari": ("lari", "GEL"), "kip": ("kip", "LAK"),
    **{form: ("shilling", "shilling") for form in ("shilling", "shillings")},
    **{form: ("cedi", "GHS") for form in ("cedi", "cedis")}, "soles": ("sol", "PEN"),
    "lei": ("leu", "RON"), "leu": ("leu", "RON"), "leva": ("lev", "BGN"), "kuna": ("kuna", "HRK"),
    "kunas": ("kuna", "HRK"), "taka": ("taka", "BDT"), "kwacha": ("kwacha", "kwacha"), "birr": ("birr", "ETB"),
    **{form: ("tenge", "KZT") for form in ("tenge", "tenges")}, **{form: ("manat", "AZN") for form in ("manat", "manats")},
    **{form: ("lempira", "HNL") for form in ("lempira", "lempiras")},
    **{form: ("quetzal", "GTQ") for form in ("quetzal", "quetzales", "quetzals")},
    **{form: ("guarani", "PYG") for form in ("guarani", "guaranies", "guaranis")},
    **{form: ("bolivar", "VES") for form in ("bolivar", "bolivars", "bolivares")},
    **{form: ("boliviano", "BOB") for form in ("boliviano", "bolivianos")},
    **{form: ("colon", "CRC") for form in ("colones", "colón")},
    **{form: ("afghani", "AFN") for form in ("afghani", "afghanis")}, "kyat": ("kyat", "MMK"),
    "kyats": ("kyat", "MMK"), "riel": ("riel", "KHR"), "riels": ("riel", "KHR"), "ether": ("ether", "ETH"),
}
# The coins a currency divides into: form -> (its singular, the currencies it divides, how many
# make one). Each is its own unit ("34 kopeks"), and joins the amount before it ("12 rubles 50
# kopeks", "one yuan and five mao": one amount, :func:`_compound`).
CURRENCY_SUBUNITS: dict[str, tuple[str, tuple[str, ...], int]] = {
    **{form: ("kopek", ("RUB", "UAH", "BYN"), 100) for form in ("kopek", "kopeks", "kopecks", "kopeck", "kopiyka",
                                                                 "kopiykas", "kopiyok")},
    **{form: ("paisa", ("INR", "PKR", "NPR", "BDT"), 100) for form in ("paisa", "paise", "paisas")},
    **{form: ("centime", ("EUR", "CHF", "FRF", "BEF", "XOF", "XAF", "MAD", "DZD"), 100) for form in ("centime", "centimes")},
    **{form: ("centavo", ("MXN", "ARS", "CLP", "COP", "PHP", "BRL", "CUP", "DOP"), 100) for form in ("centavo", "centavos")},
    **{form: ("grosz", ("PLN",), 100) for form in ("grosz", "groszy", "grosze")},
    **{form: ("haler", ("CZK",), 100) for form in ("haler", "halers", "haleru")},
    **{form: ("øre", ("NOK", "DKK", "SEK"), 100) for form in ("øre",)},
    **{form: ("pfennig", ("DEM",), 100) for form in ("pfennig", "pfennigs", "pfennige")},
    **{form: ("agora", ("ILS",), 100) for form in ("agorot", "agorots")},
    **{form: ("satang", ("THB",), 100) for form in ("satang", "satangs")},
    **{form: ("piastre", ("EGP", "LBP", "SYP", "SDG"), 100) for form in ("piastre", "piastres", "piaster", "piasters")},
    **{form: ("halala", ("SAR",), 100) for form in ("halala", "halalas", "halalah", "halalahs")},
    **{form: ("kobo", ("NGN",), 100) for form in ("kobo",)},
    **{form: ("pesewa", ("GHS",), 100) for form in ("pesewa", "pesewas")},
    **{form: ("mao", ("CNY",), 10) for form in ("mao", "jiao")},
    **{form: ("fen", ("CNY",), 100) for form in ("fen",)},
    **{form: ("sen", ("MYR", "JPY", "IDR"), 100) for form in ("sen",)},
}
for _form, (_single, _parents, _parts) in CURRENCY_SUBUNITS.items():
    CURRENCY_NOUNS.setdefault(_form, (_single, _single))
CURRENCY_WORDS = {form: code for form, (_lemma, code) in CURRENCY_NOUNS.items()}
# Currency words that are also common words ("pounds" weigh, "won", "real", "sol"): money after a
# nationality ("Egyptian pounds", "South Korean won"), or for "won" and "real" after a scale word.
NATION_ONLY_NOUNS = {"pound": "pound", "pounds": "pound", "won": "won", "real": "real", "sol": "sol", "lev": "lev",
                     "mark": "mark", "marks": "mark", "colon": "colon", "crown": "crown", "crowns": "crown"}
# A nationality before a currency word makes it that country's: "australian dollars", "swiss francs".
CURRENCY_NATIONS = {
    **{(nation, "dollar"): code for nation, code in (
        ("australian", "AUD"), ("canadian", "CAD"), ("hong kong", "HKD"), ("new zealand", "NZD"),
        ("singapore", "SGD"), ("singaporean", "SGD"), ("taiwan", "TWD"), ("taiwanese", "TWD"), ("new taiwan", "TWD"),
        ("zimbabwe", "ZWL"), ("zimbabwean", "ZWL"), ("us", "USD"), ("u.s.", "USD"), ("american", "USD"),
        ("jamaican", "JMD"), ("bahamian", "BSD"), ("barbadian", "BBD"), ("fijian", "FJD"), ("namibian", "NAD"),
        ("liberian", "LRD"), ("brunei", "BND"), ("guyanese", "GYD"), ("trinidad", "TTD"), ("east caribbean", "XCD"))},
    **{(nation, "franc"): code for nation, code in (
        ("french", "FRF"), ("belgian", "BEF"), ("swiss", "CHF"), ("cfa", "XOF"), ("congolese", "CDF"),
        ("rwandan", "RWF"), ("guinean", "GNF"), ("burundian", "BIF"), ("luxembourg", "LUF"))},
    **{(nation, "peso"): code for nation, code in (
        ("mexican", "MXN"), ("argentine", "ARS"), ("argentinian", "ARS"), ("chilean", "CLP"), ("colombian", "COP"),
        ("philippine", "PHP"), ("dominican", "DOP"), ("cuban", "CUP"), ("uruguayan", "UYU"))},
    **{(nation, "rupee"): code for nation, code in (
        ("indian", "INR"), ("pakistani", "PKR"), ("sri lankan", "LKR"), ("nepalese", "NPR"), ("nepali", "NPR"),
        ("mauritian", "MUR"), ("seychellois", "SCR"))},
    **{(nation, "pound"): code for nation, code in (
        ("british", "GBP"), ("uk", "GBP"), ("egyptian", "EGP"), ("irish", "IEP"), ("lebanese", "LBP"),
        ("syrian", "SYP"), ("sudanese", "SDG"), ("south sudanese", "SSP"))},
    **{(nation, "dinar"): code for nation, code in (
        ("kuwaiti", "KWD"), ("bahraini", "BHD"), ("jordanian", "JOD"), ("iraqi", "IQD"), ("libyan", "LYD"),
        ("algerian", "DZD"), ("tunisian", "TND"), ("serbian", "RSD"), ("macedonian", "MKD"))},
    **{(nation, "riyal"): code for nation, code in (("saudi", "SAR"), ("qatari", "QAR"), ("yemeni", "YER"))},
    **{(nation, "rial"): code for nation, code in (("iranian", "IRR"), ("omani", "OMR"), ("qatari", "QAR"))},
    **{(nation, "dirham"): code for nation, code in (("uae", "AED"), ("emirati", "AED"), ("moroccan", "MAD"))},
    **{(nation, "shilling"): code for nation, code in (
        ("kenyan", "KES"), ("ugandan", "UGX"), ("tanzanian", "TZS"), ("somali", "SOS"), ("austrian", "ATS"))},
    **{(nation, "krone"): code for nation, code in (("danish", "DKK"), ("norwegian", "NOK"))},
    **{(nation, "krona"): code for nation, code in (("swedish", "SEK"), ("icelandic", "ISK"))},
    **{(nation, "crown"): code for nation, code in (  # the crowns of the wires: "Swedish crowns"
        ("danish", "DKK"), ("norwegian", "NOK"), ("swedish", "SEK"), ("icelandic", "ISK"), ("czech", "CZK"))},
    **{(nation, "kwacha"): code for nation, code in (("zambian", "ZMW"), ("malawian", "MWK"))},
    **{(nation, "won"): code for nation, code in (("korean", "KRW"), ("south korean", "KRW"), ("north korean", "KPW"))},
    **{(nation, "mark"): code for nation, code in (("german", "DEM"), ("deutsche", "DEM"), ("finnish", "FIM"))},
    **{(nation, "leu"): code for nation, code in (("romanian", "RON"), ("moldovan", "MDL"))},
    **{(nation, "lira"): code for nation, code in (("turkish", "TRY"), ("italian", "ITL"), ("lebanese", "LBP"))},
    ("south african", "rand"): "ZAR", ("dutch", "guilder"): "NLG", ("brazilian", "real"): "BRL",
    ("peruvian", "sol"): "PEN", ("bulgarian", "lev"): "BGN", ("costa rican", "colon"): "CRC",
    ("ghanaian", "cedi"): "GHS", ("croatian", "kuna"): "HRK", ("bangladeshi", "taka"): "BDT",
    ("ethiopian", "birr"): "ETB", ("thai", "baht"): "THB", ("israeli", "shekel"): "ILS", ("nigerian", "naira"): "NGN",
    ("polish", "zloty"): "PLN", ("czech", "koruna"): "CZK", ("hungarian", "forint"): "HUF",
    ("russian", "ruble"): "RUB", ("ukrainian", "hryvnia"): "UAH", ("chinese", "yuan"): "CNY",
    ("japanese", "yen"): "JPY", ("vietnamese", "dong"): "VND", ("malaysian", "ringgit"): "MYR",
    ("indonesian", "rupiah"): "IDR", ("georgian", "lari"): "GEL", ("lao", "kip"): "LAK",
    ("kazakh", "tenge"): "KZT", ("azerbaijani", "manat"): "AZN", ("turkmen", "manat"): "TMT",
    ("venezuelan", "bolivar"): "VES", ("bolivian", "boliviano"): "BOB", ("honduran", "lempira"): "HNL",
    ("guatemalan", "quetzal"): "GTQ", ("paraguayan", "guarani"): "PYG", ("afghan", "afghani"): "AFN",
    ("spanish", "peseta"): "ESP", ("finnish", "markka"): "FIM", ("cambodian", "riel"): "KHR",
    ("burmese", "kyat"): "MMK", ("myanmar", "kyat"): "MMK",
}
# Currency words that are also common words: money only after a scale word or a grouped number
# ("500 billion won", "20,000 won"; not "the 3 won").
SCALED_CURRENCY_WORDS = {"won": "KRW", "real": "BRL"}
# The unit vocabulary: one symbol per unit (the value of ``Quantity.unit``), its kind, the words
# that spell it (any case, singular and plural) and the symbols written after a number (case kept).
UNIT_TABLE: tuple[tuple[str, str, str, str], ...] = (
    ("km", "length", "kilometer kilometers kilometre kilometres", "km"),
    ("m", "length", "meter meters metre metres", "m"),
    ("cm", "length", "centimeter centimeters centimetre centimetres", "cm"),
    ("mm", "length", "millimeter millimeters millimetre millimetres", "mm"),
    ("dm", "length", "decimeter decimeters decimetre decimetres", "dm"),
    ("nm", "length", "nanometer nanometers nanometre nanometres", "nm"),
    ("pm", "length", "picometer picometers picometre picometres", ""),
    ("µm", "length", "micrometer micrometers micrometre micrometres micron microns", "µm μm"),
    ("mi", "length", "mile miles", "mi"),
    ("ft", "length", "foot feet", "ft"),
    ("in", "length", "inch inches", "in"),
    ("yd", "length", "yard yards", "yd yds"),
    ("nmi", "length", "nautical mile nautical miles", "nmi"),
    ("kg", "weight", "kilogram kilograms kilogramme kilogrammes kilo kilos", "kg kgs"),
    ("g", "weight", "gram grams gramme grammes", "g"),
    ("mg", "weight", "milligram milligrams", "mg"),
    ("µg", "weight", "microgram micrograms microgramme microgrammes", "µg μg mcg"),
    ("t", "weight", "tonne tonnes metric ton metric tons", "t"),
    ("ton", "weight", "ton tons", ""),
    ("lb", "weight", "pound pounds", "lb lbs"),
    ("oz", "weight", "ounce ounces", "oz"),
    ("st", "weight", "stone", ""),
    ("kt", "weight", "kilotonne kilotonnes kiloton kilotons", ""),
    ("Mt", "weight", "megatonne megatonnes megaton megatons", "Mt"),
    ("Gt", "weight", "gigatonne gigatonnes gigaton gigatons", "Gt"),
    ("ct", "weight", "carat carats", ""),
    ("l", "volume", "liter liters litre litres", "l L"),
    ("ml", "volume", "milliliter milliliters millilitre millilitres", "ml mL"),
    ("cl", "volume", "centiliter centiliters centilitre centilitres", "cl"),
    ("gal", "volume", "gallon gallons", "gal"),
    ("bbl", "volume", "barrel barrels", "bbl"),
    ("cup", "volume", "cup cups", ""),
    ("tbsp", "volume", "tablespoon tablespoons", "tbsp Tbsp tbs Tbs"),
    ("tsp", "volume", "teaspoon teaspoons", "tsp Tsp"),
    ("m3", "volume", "cubic meter cubic meters cubic metre cubic metres", "m3 m³ m^3"),
    ("km3", "volume", "cubic kilometer cubic kilometers cubic kilometre cubic kilometres", "km3 km³ km^3"),
    ("cm3", "volume", "cubic centimeter cubic centimeters cubic centimetre cubic centimetres", "cm3 cm³ cm^3 cc"),
    ("ft3", "volume", "cubic foot cubic feet", "ft3 ft³"),
    ("ha", "area", "hectare hectares", "ha"),
    ("acre", "area", "acre acres", ""),
    ("km2", "area", "square kilometer square kilometers square kilometre square kilometres sq km", "km2 km² km^2"),
    ("m2", "area", "square meter square meters square metre square metres sq m", "m2 m² m^2"),
    ("mi2", "area", "square mile square miles sq mi", "mi2 mi²"),
    ("ft2", "area", "square foot square feet sq ft", "ft2 ft² sqft"),
    ("km/h", "speed", "kilometers per hour kilometres per hour kilometer per hour kilometre per hour",
     "km/h kph km/hr kmh kmph"),
    ("mph", "speed", "miles per hour mile per hour", "mph MPH"),
    ("m/s", "speed", "meters per second metres per second", "m/s"),
    ("kn", "speed", "knot knots", "kn"),
    ("°C", "temperature", "degrees celsius degree celsius celsius celcius degrees centigrade deg celsius deg c degrees c",
     "°C ºC °c C"),
    ("°F", "temperature", "degrees fahrenheit degree fahrenheit fahrenheit deg fahrenheit deg f degrees f",
     "°F ºF °f F"),
    ("K", "temperature", "kelvin kelvins", "K"),
    ("deg", "angle", "degrees", "°"),
    ("rad", "angle", "radian radians", "rad"),
    ("W", "power", "watt watts", "W"),
    ("hp", "power", "horsepower", "hp bhp"),
    ("kW", "power", "kilowatt kilowatts", "kW"),
    ("MW", "power", "megawatt megawatts", "MW"),
    ("GW", "power", "gigawatt gigawatts", "GW"),
    ("Wh", "energy", "watt hour watt hours watt-hour watt-hours", "Wh"),
    ("kWh", "energy", "kilowatt hour kilowatt hours kilowatt-hour kilowatt-hours", "kWh"),
    ("MWh", "energy", "megawatt hour megawatt hours megawatt-hour megawatt-hours", "MWh"),
    ("GWh", "energy", "gigawatt hour gigawatt hours gigawatt-hour gigawatt-hours", "GWh"),
    ("TWh", "energy", "terawatt hour terawatt hours terawatt-hour terawatt-hours", "TWh"),
    ("J", "energy", "joule joules", "J"),
    ("BTU", "energy", "british thermal unit british thermal units", "BTU Btu"),
    ("kJ", "energy", "kilojoule kilojoules", "kJ"),
    ("cal", "energy", "calorie calories", "cal"),
    ("kcal", "energy", "kilocalorie kilocalories", "kcal"),
    ("eV", "energy", "electronvolt electronvolts electron volts", "eV"),
    ("MeV", "energy", "", "MeV"),
    ("GeV", "energy", "", "GeV"),
    ("TeV", "energy", "", "TeV"),
    ("V", "voltage", "volt volts", "V"),
    ("kV", "voltage", "kilovolt kilovolts", "kV"),
    ("A", "current", "amp amps ampere amperes", ""),
    ("mAh", "charge", "", "mAh"),
    ("Hz", "frequency", "hertz", "Hz"),
    ("kHz", "frequency", "kilohertz", "kHz"),
    ("MHz", "frequency", "megahertz", "MHz"),
    ("GHz", "frequency", "gigahertz", "GHz"),
    ("bit", "data", "bit bits", ""),
    ("B", "data", "byte bytes", ""),
    ("KB", "data", "kilobyte kilobytes", "KB kB"),
    ("MB", "data", "megabyte megabytes", "MB"),
    ("GB", "data", "gigabyte gigabytes", "GB"),
    ("TB", "data", "terabyte terabytes", "TB"),
    ("Mbit", "data", "megabit megabits", "Mb Mbit"),
    ("Mbit/s", "data rate", "megabits per second", "Mbps Mbit/s Mb/s"),
    ("Gbit/s", "data rate", "gigabits per second", "Gbps Gbit/s Gb/s"),
    ("Pa", "pressure", "pascal pascals", "Pa"),
    ("hPa", "pressure", "hectopascal hectopascals", "hPa"),
    ("bar", "pressure", "", "bar"),
    ("psi", "pressure", "", "psi"),
    ("dB", "sound", "decibel decibels", "dB"),
    ("Gy", "dose", "", "Gy"),
    ("mGy", "dose", "milligray", "mGy"),
    ("Sv", "dose", "sievert sieverts", "Sv"),
    ("mSv", "dose", "millisievert millisieverts", "mSv"),
    ("hm", "length", "hectometer hectometers hectometre hectometres", ""),
    ("dam", "length", "decameter decameters decametre decametres dekameter dekameters dekametre dekametres", ""),
    ("ly", "length", "light year light years light-year light-years", ""),
    ("in2", "area", "square inch square inches", "in2 in²"),
    ("yd2", "area", "square yard square yards", "yd2 yd²"),
    ("cm2", "area", "square centimeter square centimeters square centimetre square centimetres", "cm2 cm² cm^2"),
    ("mm2", "area", "square millimeter square millimeters square millimetre square millimetres", "mm2 mm² mm^2"),
    ("in3", "volume", "cubic inch cubic inches", "in3 in³"),
    ("mi3", "volume", "cubic mile cubic miles", "mi3 mi³"),
    ("mm3", "volume", "cubic millimeter cubic millimeters cubic millimetre cubic millimetres", "mm3 mm³ mm^3"),
    ("dl", "volume", "deciliter deciliters decilitre decilitres", "dl dL"),
    ("hl", "volume", "hectoliter hectoliters hectolitre hectolitres", "hl hL"),
    ("fl oz", "volume", "fluid ounce fluid ounces", ""),
    ("pint", "volume", "pint pints", ""),
    ("qt", "volume", "quart quarts", "qt"),
    ("bu", "volume", "bushel bushels", ""),
    ("long ton", "weight", "long ton long tons", ""),
    ("short ton", "weight", "short ton short tons", ""),
    ("kbit", "data", "kilobit kilobits", "kbit"),
    ("Gbit", "data", "gigabit gigabits", "Gb Gbit"),
    ("Tbit", "data", "terabit terabits", "Tb Tbit"),
    ("PB", "data", "petabyte petabytes", "PB"),
    ("kPa", "pressure", "kilopascal kilopascals", "kPa"),
    ("MPa", "pressure", "megapascal megapascals", "MPa"),
    ("GPa", "pressure", "gigapascal gigapascals", "GPa"),
    ("atm", "pressure", "atmosphere atmospheres", "atm"),
    ("mmHg", "pressure", "", "mmHg"),
    ("N", "force", "newton newtons", "N"),
    ("kN", "force", "kilonewton kilonewtons", "kN"),
    ("lm", "light", "lumen lumens", "lm"),
    ("lx", "light", "lux", "lx"),
    ("rpm", "frequency", "revolutions per minute revolution per minute", "rpm RPM"),
    ("fps", "frequency", "frames per second frame per second", "fps FPS"),  # games and video: "runs at 60fps"
    ("turn", "angle", "turn turns revolution revolutions", ""),
    ("s-1", "frequency", "inverse_second inverse_seconds reciprocal_second reciprocal_seconds", "s-1 s^-1 s⁻¹"),
    ("Ma", "duration", "", "Ma"),
    ("Ga", "duration", "", "Ga"),
    ("Å", "length", "angstrom angstroms ångström ångströms", "Å"),
    ("au", "length", "astronomical_unit astronomical_units", ""),
    ("furlong", "length", "furlong furlongs", ""),
    ("fathom", "length", "fathom fathoms", ""),
    ("M☉", "weight", "solar_mass solar_masses", "M☉"),
    ("yd3", "volume", "cubic yard cubic yards", "yd3 yd³"),
    ("acre ft", "volume", "acre-foot acre-feet", ""),
    ("torr", "pressure", "torr", "Torr"),
    ("inHg", "pressure", "", "inHg"),
    ("keV", "energy", "kiloelectronvolt kiloelectronvolts", "keV"),
    ("mJ", "energy", "millijoule millijoules", "mJ"),
    ("erg", "energy", "erg ergs", ""),
    ("MMBtu", "energy", "", "MMBtu mmBtu MBTU"),
    ("therm", "energy", "therm therms", ""),
    ("kgf", "force", "kilogram-force", "kgf"),
    ("lbf", "force", "pound-force", "lbf"),
    ("dyn", "force", "dyne dynes", "dyn"),
    ("Nm", "torque", "newton_metre newton_metres newton_meter newton_meters", "Nm"),
    ("cd", "light", "candela candelas", ""),
    ("mol", "amount", "", "mol"),
    ("Ah", "charge", "ampere-hour ampere-hours amp-hour amp-hours", "Ah"),
    ("Coulomb", "charge", "coulomb coulombs", ""),
    ("MV", "voltage", "megavolt megavolts", "MV"),
    ("Ω", "resistance", "ohm ohms", "Ω"),
    ("farad", "capacitance", "farad farads", ""),
    ("gauss", "magnetic field", "gauss", ""),
    ("Bq", "radioactivity", "becquerel becquerels", "Bq"),
    ("kBq", "radioactivity", "kilobecquerel kilobecquerels", "kBq"),
    ("MBq", "radioactivity", "megabecquerel megabecquerels", "MBq"),
    ("GBq", "radioactivity", "gigabecquerel gigabecquerels", "GBq"),
    ("Ci", "radioactivity", "curie curies", "Ci"),
    ("roentgen", "radiation", "roentgen roentgens röntgen", ""),
    ("px", "image", "pixel pixels", "px"),
    ("MP", "image", "megapixel megapixels", ""),
    ("EB", "data", "exabyte exabytes", "EB"),
    ("ZB", "data", "zettabyte zettabytes", "ZB"),
    ("KiB", "data", "kibibyte kibibytes", "KiB"),
    ("MiB", "data", "mebibyte mebibytes", "MiB"),
    ("GiB", "data", "gibibyte gibibytes", "GiB"),
    ("TiB", "data", "tebibyte tebibytes", "TiB"),
    ("millisecond", "duration", "", "ms"),
    ("microsecond", "duration", "", "μs µs"),
    ("nanosecond", "duration", "", "ns"),
    ("ppm", "concentration", "parts per million", "ppm"),
    ("ppb", "concentration", "parts per billion", "ppb"),
)
# One name per unit symbol, currency code and duration (the names CQE and quantulum3 use), so
# that a reader, an evaluation or another tool can compare units across vocabularies.
UNIT_NAMES: dict[str, str] = {
    "km": "kilometre", "m": "metre", "cm": "centimetre", "mm": "millimetre", "dm": "decimetre", "nm": "nanometre",
    "pm": "picometre", "µm": "micrometre", "mi": "mile", "ft": "foot", "in": "inch", "yd": "yard",
    "nmi": "nautical mile", "kg": "kilogram", "g": "gram", "mg": "milligram", "µg": "microgram", "t": "tonne",
    "ton": "ton", "lb": "pound-mass", "oz": "ounce", "st": "stone", "l": "litre", "ml": "millilitre",
    "cl": "centilitre", "gal": "gallon", "bbl": "barrel", "cup": "cup", "tbsp": "tablespoon", "tsp": "teaspoon",
    "m3": "cubic metre", "km3": "cubic kilometre", "cm3": "cubic centimetre", "ft3": "cubic foot", "ha": "hectare",
    "acre": "acre", "km2": "square kilometre", "m2": "square metre", "mi2": "square mile", "ft2": "square foot",
    "km/h": "kilometre per hour", "mph": "mile per hour", "m/s": "metre per second", "kn": "knot",
    "°C": "celsius", "°F": "fahrenheit", "K": "kelvin", "deg": "degree", "rad": "radian", "turn": "turn",
    "W": "watt", "hp": "horsepower", "pp": "percentage point", "bp": "basis point", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "Wh": "watt hour", "kWh": "kilowatt hour",
    "MWh": "megawatt hour", "GWh": "gigawatt hour", "TWh": "terawatt hour", "J": "joule", "kJ": "kilojoule",
    "BTU": "british thermal unit", "cal": "calorie", "kcal": "kilocalorie", "eV": "electronvolt", "MeV": "megaelectronvolt",
    "GeV": "gigaelectronvolt", "TeV": "teraelectronvolt", "V": "volt", "kV": "kilovolt", "A": "ampere",
    "mAh": "milliampere hour", "Hz": "hertz", "kHz": "kilohertz", "MHz": "megahertz", "GHz": "gigahertz",
    "bit": "bit", "B": "byte", "KB": "kilobyte", "MB": "megabyte", "GB": "gigabyte", "TB": "terabyte",
    "Mbit": "megabit", "Mbit/s": "megabit per second", "Gbit/s": "gigabit per second", "Pa": "pascal",
    "hPa": "hectopascal", "bar": "bar", "psi": "pound per square inch", "dB": "decibel", "Gy": "gray",
    "mGy": "milligray", "Sv": "sievert", "mSv": "millisievert", "%": "percentage", "ratio": "ratio",
    "kt": "kilotonne", "Mt": "megatonne", "Gt": "gigatonne", "ct": "carat", "ppm": "part per million",
    "ppb": "part per billion",
    "USD": "dollar", "EUR": "euro", "GBP": "pound sterling", "GBX": "penny", "USc": "cent", "JPY": "yen",
    "CNY": "yuan", "INR": "rupee", "CAD": "canadian dollar", "AUD": "australian dollar", "HKD": "hong kong dollar",
    "NZD": "new zealand dollar", "SGD": "singapore dollar", "TWD": "new taiwan dollar", "ZWL": "zimbabwean dollar",
    "CHF": "swiss franc", "FRF": "french franc", "BEF": "belgian franc", "RUB": "rouble", "UAH": "hryvnia",
    "MXN": "mexican peso", "ARS": "argentine peso", "CLP": "chilean peso", "COP": "colombian peso",
    "PHP": "philippine peso", "PKR": "pakistani rupee", "LKR": "sri lankan rupee", "NPR": "nepalese rupee",
    "TRY": "turkish lira", "NLG": "netherlands guilder", "EGP": "egyptian pound", "IEP": "irish pound",
    "ZAR": "rand", "NGN": "naira", "ILS": "shekel", "KRW": "won", "BTC": "bitcoin", "FIM": "finnish markka",
    "ESP": "peseta", "DEM": "mark", "CRC": "costa rican colón", "GEL": "georgian lari", "LAK": "lao kip",
    "THB": "baht", "BRL": "real", "PLN": "zloty", "SEK": "swedish krona", "NOK": "norwegian krone",
    "DKK": "danish krone", "KES": "kenyan shilling", "SAR": "saudi riyal", "AED": "dirham", "VND": "dong",
    "IDR": "rupiah", "MYR": "ringgit", "CZK": "koruna", "HUF": "forint",
    "ISK": "icelandic krona", "RON": "romanian leu", "BGN": "bulgarian lev", "HRK": "croatian kuna",
    "RSD": "serbian dinar", "BYN": "belarusian ruble", "KZT": "kazakhstani tenge", "AZN": "azerbaijani manat",
    "AMD": "armenian dram", "UGX": "ugandan shilling", "TZS": "tanzanian shilling", "ETB": "ethiopian birr",
    "GHS": "ghanaian cedi", "XOF": "west african cfa franc", "XAF": "central african cfa franc",
    "MAD": "moroccan dirham", "TND": "tunisian dinar", "DZD": "algerian dinar", "QAR": "qatari riyal",
    "KWD": "kuwaiti dinar", "BHD": "bahraini dinar", "OMR": "omani rial", "JOD": "jordanian dinar",
    "IQD": "iraqi dinar", "IRR": "iranian rial", "LBP": "lebanese pound", "BDT": "bangladeshi taka",
    "PEN": "peruvian sol", "UYU": "uruguayan peso", "DOP": "dominican peso", "JMD": "jamaican dollar",
    "ETH": "ether", "PYG": "paraguayan guaraní", "BSD": "bahamian dollar", "BBD": "barbadian dollar",
    "FJD": "fijian dollar", "NAD": "namibian dollar", "LRD": "liberian dollar", "BND": "brunei dollar",
    "GYD": "guyanese dollar", "TTD": "trinidad and tobago dollar", "XCD": "east caribbean dollar",
    "CDF": "congolese franc", "RWF": "rwandan franc", "GNF": "guinean franc", "BIF": "burundian franc",
    "LUF": "luxembourgish franc", "CUP": "cuban peso", "MUR": "mauritian rupee", "SCR": "seychellois rupee",
    "SYP": "syrian pound", "SDG": "sudanese pound", "SSP": "south sudanese pound", "LYD": "libyan dinar",
    "MKD": "macedonian denar", "YER": "yemeni rial", "SOS": "somali shilling", "ATS": "austrian schilling",
    "ZMW": "zambian kwacha", "MWK": "malawian kwacha", "KPW": "north korean won", "MDL": "moldovan leu",
    "ITL": "italian lira", "TMT": "turkmenistan manat", "VES": "venezuelan bolívar", "BOB": "bolivian boliviano",
    "HNL": "honduran lempira", "GTQ": "guatemalan quetzal", "AFN": "afghan afghani", "KHR": "cambodian riel",
    "MMK": "myanmar kyat", "kr": "krona", "satoshi": "satoshi", "dinar": "dinar", "rial": "rial",
    "shilling": "shilling", "kwacha": "kwacha", "dime": "dime", "nickel": "nickel",
    "year": "year", "month": "month", "week": "week", "day": "day", "hour": "hour", "minute": "minute",
    "second": "second", "decade": "decade", "century": "century", "night": "night", "millisecond": "millisecond",
    "cm2": "square centimetre", "hm": "hectometre", "dam": "decametre", "ly": "light-year", "in2": "square inch",
    "yd2": "square yard", "mm2": "square millimetre", "in3": "cubic inch", "mi3": "cubic mile",
    "mm3": "cubic millimetre", "dl": "decilitre", "hl": "hectolitre", "fl oz": "fluid ounce", "pint": "pint",
    "qt": "quart", "bu": "bushel", "long ton": "long ton", "short ton": "short ton", "kbit": "kilobit",
    "Gbit": "gigabit", "Tbit": "terabit", "PB": "petabyte", "kPa": "kilopascal", "MPa": "megapascal",
    "GPa": "gigapascal", "atm": "atmosphere", "mmHg": "millimetre of mercury", "N": "newton", "kN": "kilonewton",
    "lm": "lumen", "lx": "lux", "rpm": "revolution per minute", "fps": "frame per second", "microsecond": "microsecond",
    "nanosecond": "nanosecond", "millennium": "millennium", "fortnight": "fortnight", "s-1": "inverse second",
    "Ma": "megayear", "Ga": "gigayear", "Å": "ångström", "au": "astronomical unit", "furlong": "furlong",
    "fathom": "fathom", "M☉": "solar mass", "yd3": "cubic yard", "acre ft": "acre foot", "torr": "torr",
    "inHg": "inch of mercury", "keV": "kiloelectronvolt", "mJ": "millijoule", "erg": "erg",
    "MMBtu": "mega british thermal unit", "therm": "therm", "kgf": "kilogram-force", "lbf": "pound-force",
    "dyn": "dyne", "Nm": "newton metre", "cd": "candela", "mol": "mole", "Ah": "ampere-hour", "Coulomb": "coulomb",
    "MV": "megavolt", "Ω": "ohm", "farad": "farad", "gauss": "gauss", "Bq": "becquerel", "kBq": "kilobecquerel",
    "MBq": "megabecquerel", "GBq": "gigabecquerel", "Ci": "curie", "roentgen": "roentgen", "px": "pixel",
    "MP": "megapixel", "EB": "exabyte", "ZB": "zettabyte", "KiB": "kibibyte", "MiB": "mibibyte", "GiB": "gibibyte",
    "TiB": "tebibyte", "square second": "square second",
}


def unit_name(unit: Optional[str]) -> Optional[str]:
    """The name of a unit symbol ("km/h" -> "kilometre per hour", "CAD" -> "canadian dollar"); a
    counted noun is its own name."""
    return UNIT_NAMES.get(unit, unit) if unit is not None else None


UNITS: dict[str, tuple[str, str]] = {}  # a spelled unit, lower case -> (symbol, kind)
UNIT_SYMBOLS: dict[str, tuple[str, str]] = {}  # a symbol as written after a number -> (symbol, kind)
_JOIN_NEXT = frozenset("square cubic metric nautical degrees degree deg sq electron per british thermal fluid long short "
                       "light".split())


def _spellings(words: str) -> list[str]:
    """ "kilometer kilometers per hour sq km" -> ["kilometer", "kilometers per hour", "sq km"]."""
    tokens, out = words.split(), []
    while tokens:
        phrase = [tokens.pop(0)]
        while tokens and (phrase[-1] in _JOIN_NEXT or tokens[0] in ("per", "hour", "hours")):
            phrase.append(tokens.pop(0))
        out.append(" ".join(phrase).replace("_", " "))  # "solar_mass": one name of two words
    return out


for _symbol, _kind, _words, _symbols in UNIT_TABLE:
    for _word in _spellings(_words):
        UNITS[_word.lower()] = (_symbol, _kind)
    for _written in _symbols.split(" ") if _symbols else ():
        if _written in ("sq",):
            continue
        UNIT_SYMBOLS[_written] = (_symbol, _kind)
UNITS["deg"] = UNITS["degrees"]  # "50 deg."
for _written in ("sq km", "sq mi", "sq ft", "sq m"):
    UNIT_SYMBOLS[_written] = UNITS[_written]
for _written, _unit in (("sq. ft.", "ft2"), ("sq. ft", "ft2"), ("sq. m", "m2"), ("sq. km", "km2"), ("sq. mi", "mi2"),
                        ("sq in", "in2"), ("sq yd", "yd2"), ("cu in", "in3"), ("cu mi", "mi3"), ("cu ft", "ft3"), ("cu. ft", "ft3"), ("cu m", "m3"),
                        ("cu yd", "yd3"), ("fl oz", "fl oz"),
                        ("fl. oz", "fl oz")):
    UNIT_SYMBOLS[_written] = UNITS[UNIT_NAMES[_unit]]
# Symbols that are also words or abbreviations ("in", "A", "C", "t"): a unit only right after
# the digits ("20C", "5t") or, spaced, at the end of a clause ("the pencil is 2 in.").
AMBIGUOUS_SYMBOLS = frozenset({"in", "A", "C", "F", "K", "g", "l", "L", "B", "m", "V", "W", "J", "bar", "st",
                               "kn", "kt", "cc", "rad", "Mb", "N", "Tb", "lm", "atm", "qt", "Ma", "Ga", "Ci", "Ah", "MV",
                               "EB", "px"})
DURATION_UNITS = {"years": "year", "year": "year", "months": "month", "month": "month", "weeks": "week",
                  "week": "week", "days": "day", "day": "day", "hours": "hour", "hour": "hour", "nights": "night",
                  "minutes": "minute", "minute": "minute", "seconds": "second", "decades": "decade",
                  "decade": "decade", "centuries": "century", "century": "century", "hrs": "hour", "hr": "hour",
                  "mins": "minute", "secs": "second", "yrs": "year", "yr": "year", "milliseconds": "millisecond", "millisecond": "millisecond",
                  "microseconds": "microsecond", "microsecond": "microsecond", "nanoseconds": "nanosecond",
                  "nanosecond": "nanosecond", "millennia": "millennium", "millennium": "millennium",
                  "millenniums": "millennium", "fortnights": "fortnight", "fortnight": "fortnight"}
# Abbreviations of durations only in lower case ("15 min", "45 sec"; not "Sec" a secretary).
SHORT_DURATIONS = {"min": "minute", "sec": "second"}
PERIODS = {"daily": "day", "weekly": "week", "monthly": "month", "yearly": "year", "annually": "year",
           "nightly": "night", "hourly": "hour"}
# Counted nouns that are not plain plurals ("14 dead", "60,000 people").
COUNT_NOUNS = frozenset("people dead wounded injured killed missing staff personnel police cattle children civilians "
                        "troops crew residents women men sheep aircraft fish deer livestock point mice geese teeth "
                        "oxen criteria phenomena offspring moose swine bison salmon".split())
# Words a numeral may be followed by that neither count nor modify the counted noun.
NOT_COUNTED = frozenset("of and or to in on at the a an as by for from with than that this these those is was were "
                        "are be been has have had will would could can may per times ago old total alone each later "
                        "earlier since until after before during while who which what when where overnight so "
                        "always perhaps towards afterwards whereas besides unless nevertheless does goes its his "
                        "her their our your news series species last next every past coming previous over within inside "
                        "across into under through throughout around about among between against amid via near "
                        "behind beyond without".split())
# ("last", "next", "every" open a time and a preposition a phrase: "sold 5,000 last year", "fell 5
# within weeks" count no years and no weeks.)
# Units the hand table above lacks, read at import from a unit table and the SI prefix grammar
# (claims.unit_vocabulary): spelled names ("teslas", "megajoules") and symbols ("mJy", "µSv"), each
# -> (the unit's name, which is its ``Quantity.unit``, and its kind).
EXTRA_NAMES, EXTRA_SYMBOLS, EXTRA_AMBIGUOUS, VOCABULARY_SOURCE = unit_vocabulary.vocabulary(
    [*UNITS, *DURATION_UNITS, *CURRENCY_WORDS, *COUNT_NOUNS, *NOT_COUNTED, *NATION_ONLY_NOUNS], UNIT_SYMBOLS)
for _name, _kind in {*EXTRA_NAMES.values(), *EXTRA_SYMBOLS.values()}:
    UNIT_NAMES.setdefault(_name, _name)
# The hand table's names that open a longer name of the wider vocabulary, which is then the unit read
# ("newton-metres", "millimetres of mercury", "metres per second squared", "volt-amperes"); not a
# name divided by a period or a thing ("tons per day", "feet per second"), which the reading of
# rates gives as the unit and its period.
def _whole_name(name: str) -> bool:
    return " per " not in name or name.endswith(("squared", "square second"))


LONGER_NAME_HEADS = frozenset(name[:cut] for name in EXTRA_NAMES if _whole_name(name)
                              for cut in range(1, len(name)) if name[cut] in " -" and name[:cut] in UNITS)
# What a unit of it can open with, to try it only there: a name's first word, a symbol's letters.
EXTRA_FIRST_WORDS = frozenset(name.split()[0] for name in EXTRA_NAMES)
EXTRA_SYMBOL_HEADS = frozenset(head[0] for head in (re.match(r"[A-Za-z][A-Za-z’'-]*", symbol) for symbol in EXTRA_SYMBOLS)
                               if head)

FRACTION_CHARS = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6, "⅘": 0.8,
                  "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
FRACTION_DENOMINATORS = frozenset({2, 3, 4, 5, 6, 8, 10, 12, 16, 32, 64, 100})
FRACTION_WORDS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
                  "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
                  "ninth": 9, "ninths": 9, "tenth": 10, "tenths": 10}
_FRACTION_CHARS = "".join(FRACTION_CHARS)
# "2 1/2", "3-1/2", "3 and 1/2", "1/4", "3½", "3 ½", "½", then digits with separators or decimals.
_SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# "4e14", "9.83e-3", "2.48×10−5", "5.5x10^-3", "3×10⁸": scientific notation, after the digits.
_EXPONENT = (rf"(?:[eE][-−+]?\d{{1,3}}|\s?[×x]\s?10(?:\^[-−+]?\d{{1,3}}|[-−+]\d{{1,3}}|[⁻⁺]?[{_SUPERSCRIPTS}]{{1,3}}))"
             r"(?![\w.])")
_NOT_AFTER_MONTH = "".join(rf"(?<!\b{month}\s)" for month in (
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "jan.", "feb.", "mar.", "apr.",
    "jun.", "jul.", "aug.", "sep.", "oct.", "nov.", "dec.", "sept", "sept.", "june", "july", "march", "april",
    "january", "february", "august", "september", "october", "november", "december"))
_DIGITS = (rf"\d+(?:\s|-|\sand\s)\d{{1,2}}/\d{{1,3}}(?![/\d])|\d{{1,2}}/\d{{1,3}}(?![/\d.,])|(?:\d+\s?)?[{_FRACTION_CHARS}]"
           rf"|\d+\s\d{{1,2}}\s/\s\d{{1,3}}(?![/\d])|\d{{1,2}}\s/\s\d{{1,3}}(?![/\d.,]|\s?[-–]\s?\d)"  # tokenised "7 3 / 4"
           r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
           r"|\d{1,3}(?:,\d{2})+,\d{3}(?![\d,])(?:\.\d+)?"  # "12,34,567.89": lakh and crore grouping
           r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?![\d,])(?:\.\d+)?"  # "10 000" with a narrow space
           r"|\d{1,3}(?: \d{3})+(?![\d,]|\.\d|[^\W\d]|\s\d{1,2}\b)"  # "10 000 dollars" (SI grouping), not "4 400m", "40 890 85"
           rf"|(?=\d{{1,3}},\s\d{{3}}){_NOT_AFTER_MONTH}\d{{1,3}}(?:,\s\d{{3}})+(?!\d)(?:\.\d+)?"  # tokenised "80, 000", not "May 5, 200"
           rf"|10(?:\^[-−+]?\d{{1,3}}|[⁻⁺]?[{_SUPERSCRIPTS}]{{1,3}})(?![\w.])"  # "10^6", "10⁻³": a power of ten
           rf"|\d+(?:\.\d+| \. \d+(?![\d.]))?(?:{_EXPONENT})?")  # "6 . 2" in tokenised copy
_SMALL = "|".join(sorted(SMALL_NUMBERS, key=len, reverse=True))
_TENS = "|".join(TENS)
# A number written in words, as one alternative a larger pattern can embed (times.py does).
_SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
_ATOM = rf"(?:(?:{_TENS})(?:[-\s](?:{_SMALL})\b)?|{_SMALL}|{_SCALE_WORD})"
_FIRST = rf"(?:an?\s(?:hundred|thousand|million|billion)|(?:{_TENS})(?:[-\s](?:{_SMALL})\b)?|{_SMALL})"
# Words join only around a scale word: "one hundred and two", "three million", "ninety-five".
_GROUP = rf"(?:(?:{_TENS})(?:[-\s](?:{_SMALL})\b)?|{_SMALL})"
# ... and a comma after a scale word, as a cheque writes it, where a smaller group of hundreds or
# thousands follows: "three million, two hundred thousand" (not "a million, two of whom").
_JOIN = (rf"(?:(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion)|(?<=trillion))(?:\s(?:and|&)\s|\s|-)"
         rf"(?!{_SCALE_WORD}\b)|[\s-](?={_SCALE_WORD}\b)"
         rf"|(?:(?<=million)|(?<=billion)|(?<=trillion)),\s(?={_GROUP}\s(?:hundred|thousand)\b)"
         rf"|(?<=thousand),\s(?={_GROUP}\shundred\b))")
_FRACTION_WORD = "|".join(sorted(FRACTION_WORDS, key=len, reverse=True))
_FRACTION_NEXT = (r"(?=\sof\b(?!\sa\scentury\b)|\s(?:miles?|inch(?:es)?|cups?|hours?|tablespoons?|"
                  r"teaspoons?|pounds?|kilos?|gallons?|lit(?:er|re)s?|acres?|turns?|kilomet(?:er|re)s?|met(?:er|re)s?|ounces?|"
                  r"pints?|tons?|tonnes?|days?|weeks?|months?|years?|centur(?:y|ies)|points?)\b|\s?[.,;:?!)]|\s*$)")
_POINT = r"\spoint(?:\s(?:zero|one|two|three|four|five|six|seven|eight|nine)\b)+"  # "one point five"
WORD_NUMBER = (rf"(?:(?:half|an?\squarter|(?:one|two|three)[-\s]quarters|(?:one|two)[-\s]thirds?)"
               rf"(?=\s(?:thousand|million|billion|trillion)\b)"  # "half million", "three quarters billion"
               rf"|(?:an?|one|two|three)[-\s](?:quarters?|thirds?)\sof\sa(?=\s(?:thousand|million|billion)\b)"
               rf"|(?:{_SMALL}|{_TENS}|an?)[-\s]dozen\b"  # "three dozen"
               rf"|(?:{_SMALL}|an?)[-\s](?:{_FRACTION_WORD})\b{_FRACTION_NEXT}"
               rf"|{_FIRST}(?:{_JOIN}{_ATOM})*(?:\s(?:and\s)?an?\shalf\b|-and-a-half\b|{_POINT})?"
               rf"|an?\sdozen|dozen|half\sa(?=\s(?:million|billion|dozen)))")
_VAGUE = "|".join(sorted((w.replace(" ", r"\s") for w in VAGUE_BOUNDS), key=len, reverse=True))
# Currency words written before an amount in grouped thousands (not "Euro 2024", not "the euro 1.2 cents").
_CURRENCY_BEFORE = "|".join(sorted((re.escape(w) for w in CURRENCY_WORDS if len(w) >= 3 and w.isalpha()
                                    and w not in ("ether", "dong", "kip", "bucks", "quid", "sterling", "cent", "cents")),
                                   key=len, reverse=True))
_ONE_LETTER = "|".join(letters.upper() for letters in DOLLAR_PREFIXES if len(letters) == 1)
_LETTERS = "|".join(sorted((letters for letters in DOLLAR_PREFIXES if len(letters) > 1), key=len, reverse=True))
_SIGN_LETTERS = rf"\$(?-i:{'|'.join(letters.upper() for letters in DOLLAR_AFTER_SIGN)})\s?(?=\d)|"
_CURRENCY = (rf"{_SIGN_LETTERS}\b(?-i:Rs|RS)\.?\s?(?=\d)|\b(?:{_LETTERS})\$\s?|\b(?:hk|nz|nt|c)\s\$\s?|\b(?-i:{_LETTERS.upper()})\s\$\s?|\b(?-i:{_ONE_LETTER})\$\s?|[{_SIGNS}]\s?"
             rf"|\b(?-i:{'|'.join(CURRENCY_CODES)})\s?|\b(?:{LOWER_CASE_CODES})\s?"
             rf"|\b(?-i:{'|'.join(sorted(CURRENCY_PREFIXES, key=len, reverse=True))})(?:\.\s?|\s?)(?=\d)"
             rf"|\b(?-i:M(?:{'|'.join(CURRENCY_CODES)}))\s?(?=\d)"  # "MSEK 300", "MAUD 60": millions
             r"|\b(?:dollars?|euros?|yuan|yen|rupees?)\s(?=\d[\d.,]*\s?(?:million|billion|trillion|bn|mn)\b)"  # "dollar 22.5 million"
             rf"|(?<!\bthe\s)\b(?:{_CURRENCY_BEFORE})\s(?=\d{{1,3}}(?:,\d{{3}})+(?![\d,.]))")  # "rupees 12,500", "sen 100,000"
# "m" and "b" are scales only after a currency sign ("$3m"); alone, "5m" is five metres.
# ... and a capital M or B before a currency word or a count noun: "1.8M dollars", "5M people".
SCALED_NOUNS = frozenset({*CURRENCY_WORDS, *COUNT_NOUNS})  # checked in _numeral
_SCALE = (r"\s?(?:hundred|thousand|lakh|crore|million|billion|trillion|dozen)\b|\s?(?:bn|mn|tn|bln|mln|trln)\b|k\b"
          r"|(?(cur)(?:[mb]|T|tn|\s?mil|(?-i:MM))\b|(?!))"  # "$3m", "$2 mil", "US$ 1MM"
          r"|(?-i:[MB])(?=\s[a-z])")
_NUMERAL_BODY = (
    rf"(?<![\w.,/:\-+])(?P<between>between\s)?(?P<sign>\+|[-−](?=\d))?(?P<cur>{{currency}})?"
    rf"(?(cur)(?P<sign2>[-−](?=\d))?|)(?:(?P<lo>{_DIGITS})|\b(?P<lo_word>{WORD_NUMBER})\b)(?P<loscale>{_SCALE})?"
    rf"(?:(?P<sep>-to-|-?\sto\s|\sthrough\s|\s?[–—−-]\s?|(?(between)\sand\s|(?!)))(?P<cur2>{_CURRENCY})?"
    rf"(?:(?P<hisign>(?<=[\s–—-])[-−](?=\d))?(?P<hi>{_DIGITS})|(?P<hi_word>{WORD_NUMBER})\b)(?P<hiscale>{_SCALE})?(?![\w.]\d))?")
NUMERAL = re.compile(_NUMERAL_BODY.replace("{currency}", _CURRENCY) + rf"|\b(?P<vague>{_VAGUE})\b", re.IGNORECASE)
# The scan runs in two passes, which is several times faster than trying the words at every
# position: numerals that open on a digit, sign or currency symbol, found by this pattern ...
# Where such a numeral opens, only a sign can be its currency (or, after a "+", any currency): the
# currency words and codes are left out of its pattern, which keeps them from being tried at every digit.
_SIGN_CURRENCY = rf"{_SIGN_LETTERS}[{_SIGNS}]\s?|(?<=\+)(?:{_CURRENCY})"
DIGIT_NUMERAL = re.compile(rf"(?=[\d{_SIGNS}+\-−{_FRACTION_CHARS}])" + _NUMERAL_BODY.replace("{currency}", _SIGN_CURRENCY)
                           + r"|(?P<vague>(?!))", re.IGNORECASE)
# ... and NUMERAL tried only where a word that can open a numeral stands ("two", "between", "USD").
WORD = re.compile(r"[A-Za-z]+")
DOLLAR_AFTER = re.compile(r"\s?\$")
OPENING_WORDS = frozenset(
    [*SMALL_NUMBERS, *TENS, "a", "an", "half", "dozen", "dozens", "hundreds", "thousands", "millions", "billions",
     "tens", "between", "rs", *(code.lower() for code in CURRENCY_CODES), *(f"m{code.lower()}" for code in CURRENCY_CODES),
     "dollar", "dollars", "euro", "euros", "yuan", "yen", "rupee", "rupees", *CURRENCY_WORDS,
     *(letters.lower() for letters in CURRENCY_PREFIXES if letters.isascii())])


def _numerals(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """NUMERAL's matches in ``text[start:end]``, in order and never overlapping (as one finditer gives)."""
    found = list(DIGIT_NUMERAL.finditer(text, start, end))
    for word in WORD.finditer(text, start, end):
        if word[0].lower() in OPENING_WORDS or word[0].lower() in DOLLAR_PREFIXES and DOLLAR_AFTER.match(text, word.end()):
            match = NUMERAL.match(text, word.start(), end)
            if match:
                found.append(match)
    found.sort(key=lambda match: (match.start(), -match.end()))
    last = -1
    for match in found:
        if match.start() >= last:
            last = match.end()
            yield match
# "3:1": one digit after the colon, so never a clock time ("10:30").
RATIO_COLON = re.compile(r"(?<![\d:])(?P<lo>\d{1,3}):(?P<hi>\d)(?![\d:])(?P<lo_word>)?(?P<hi_word>)?")
# "1 in 5", "one in ten": only from one, since "5 in 10 attacks" is a count and a count.
# "nine out of ten", "7 out of 10", "120 out of 435".
RATIO_OUT_OF = re.compile(rf"(?<![\w.,])(?:(?P<lo>\d{{1,3}}(?:,\d{{3}})*)|(?P<lo_word>{WORD_NUMBER}))\sout\sof\s"
                          rf"(?:(?P<hi>\d{{1,3}}(?:,\d{{3}})*)|(?P<hi_word>{WORD_NUMBER}))\b(?!\s?(?:%|percent)|[,.]\d)",
                          re.IGNORECASE)
RATIO_IN = re.compile(rf"(?<![\w.,])(?:(?P<lo>\d{{1,2}})|(?P<lo_word>(?i:one|two|three|four|five|six|seven|eight|nine)))\sin\s"
                      rf"(?:(?P<hi>\d{{1,3}})|(?P<hi_word>{WORD_NUMBER}))"
                      rf"\b(?!\s?(?:%|percent)|[,.]\d)")
# Spans whose digits are something other than a quantity.
CLOCK_TIME = re.compile(r"\b\d{1,2}(?::\d{2}){1,2}\b|\b\d{1,2}(?:[:.]\d{2})?\s?(?:a\.m\.|p\.m\.|am\b|pm\b)",
                        re.IGNORECASE)
PHONE = re.compile(r"(?:\+\d{1,3}[\s.-]?)?\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b")
# "oct. 13", "sept 30" in text written in lower case (headlines, transcripts, tokenised copy).
MONTH_DAY_LOWER = re.compile(MONTH_DAY.pattern.lower().replace("(?p<", "(?P<"))  # no upper-case escapes in it
_MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december"
# "on 1 may", and tokenised "oct . 13", "no . 1".
DAY_MONTH_LOWER = re.compile(rf"\b(?:on|by|from|until|since|before|after)\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s"
                             rf"(?:{_MONTH_NAMES})\b")
TOKENISED_WORDS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec no nos".split())
# "10 Downing Street", "123 Random Road": a house number.
ADDRESS = re.compile(r"\b\d{1,5}[A-Za-z]?\s(?:[A-Z][a-z]+\s){1,3}(?:Street|St\.|Road|Rd\.?|Avenue|Ave\.?|Boulevard|"
                     r"Blvd\.?|Lane|Drive|Place|Square|Terrace|Way|Court|Crescent|Parkway|Highway)\b")
# "1 ) explains ...; 2 ) cautions": a list's numbering.
# ... and "what 1 ) explains ... and 3 ) predicts", "1) Lego": a small number closing a bracket never opened (_unopened).
ENUMERATOR = re.compile(r"[;:.]\s*\d{1,2}\s?\)(?=\s)|^\s*\d{1,2}\s?\)(?=\s)|(?:^|\n)[ \t]*\d{1,2}[.)]\s(?=[A-Z])"
                        r"|(?P<unopened>(?<![\w.,(])\d{1,2}\s?\)(?=\s))")
# "eating habits (12).", "as shown [3, 4]", "won 7-6 (5)": a reference or tie-break mark, a bare number
# alone in brackets after a lower-case word, a figure or a stop ("Smith (45)" is an age and stays).
REFERENCE_MARK = re.compile(r"(?:(?<![\w’'-])[a-z]+|[\d.,;:%\])’”\"])\s?(?P<mark>[(\[]\d{1,3}(?:,\s?\d{1,3}|[–-]\d{1,3})*[)\]])"
                            r"(?=[\s.,;:!?]|$)|(?:^|\n)(?P<line_mark>\[\d{1,3}\])(?=\s)")
# "the Six-Day War", "the Seven Years' War", "the Big Ten", "the Three Gorges Dam": after a lower-case "the",
# a capitalised number word joined to a capitalised word is part of a name, not a count.
_CAPITALISED_NUMBERS = "|".join(word.capitalize() for word in (*SMALL_NUMBERS, *TENS, "hundred", "thousand"))
NAMED_NUMBER = re.compile(rf"(?<![\w-])(?-i:the\s(?:[A-Z][a-z]+\s|\d{{4}}\s)?)(?P<mark>(?-i:{_CAPITALISED_NUMBERS}))"
                          r"(?=(?-i:[- ][A-Z][a-z])|\s?[.,;:!?)]|$)")
# "called 911", "dial 999 immediately", "ring 111 for advice": a three-digit number one calls is a
# phone number (emergency and help lines), not a count ("called 300 voters" counts voters).
CALLED_NUMBER = re.compile(r"(?i:\b(?:call(?:s|ed|ing)?|dial(?:s|ed|led|ing)?|phon(?:e|ed|ing)|ring(?:s|ing)?)\s)"
                           r"(?P<mark>\d{3})\b(?![.,]\d)(?=\s?[.,;:!?)]|\s?$|\s(?i:for|and|or|to|if|on|from|"
                           r"immediately|when|after|now|right|instead|again|as|but|at|in|with|about)\b)")
NOT_A_QUANTITY = (MONTH_DAY, MONTH_DAY_LOWER, DAY_MONTH, DAY_MONTH_LOWER, ISO_DATE, CLOCK_TIME, PHONE, ADDRESS,
                  ENUMERATOR, REFERENCE_MARK, NAMED_NUMBER, CALLED_NUMBER)
# What right after a numeral makes it part of something else.
# ("401(k)", "501(c)(3)": a letter in brackets right after the digits names a clause of a law.)
ORDINAL_OR_CODE = re.compile(r"(?:st|nd|rd|th|s)\b|['’]s\b|[A-Za-z]|\.\d|[/:]\d|-[A-Z\d]|\([a-z]\)")
# "the ’80s", "anni ’80", "the class of '98": two digits after an apostrophe that follows no letter or
# digit are a year cut short ("5'10" is a height: a digit stands before the mark).
SHORT_YEAR = re.compile(r"(?:^|(?<=[\s(\[“\"]))['’]$")

PERCENT = re.compile(r"\s?(?:%|percents?\b|per\s?cent\b|pct\b)|(?<=\d)pc\b|-per-cent\b", re.IGNORECASE)  # "a 10pc stake"
POINTS = re.compile(r"\s?(?:(?:percentage|per\s?cent(?:age)?)[\s-]points?|pp|ppts?|(?P<basis>basis[\s-]points?|bps?))\b",
                    re.IGNORECASE)
PENCE = re.compile(r"p\b(?!\.\w)")  # "45p", a British price (not "p.m.")
# An inch mark: a double prime, or a straight double quote right after the digits that opens no
# quotation ('a 65" TV', 'Wrench 8"'); spaced only before a size ('10 " long').
INCH_MARK = re.compile(r"(?P<prime>\s?″)|\"(?!\w)|(?P<spaced>\s\"(?=\s(?:high|tall|long|wide|deep|thick|x|×|by)\b))")
FEET_PRIME = re.compile(r"['′’](?P<inches>1[01]|\d)(?:\"|″|''|”)")  # a height in feet and inches: 5'10"
# "a 500-page report", "a 12-member board", "the two - door version": N of the noun after the hyphen.
HYPHEN_NOUN = re.compile(r"(?:-|\s-\s(?![a-z]*(?:ing|ed|ly)\b))(?P<noun>[a-z]{3,})\b(?![-'’]\w)")  # not "10 - including"
# Words after "N-" that do not name what is counted: "three-fold", "20-something", "5-odd", "two-way".
NOT_HYPHEN_NOUNS = frozenset("fold something odd plus way ish like sum day week month year hour minute second ready figure "
                             "figures digit digits free based long wide high deep tall".split())
HYPHEN_UNIT = re.compile(r"(?:-|\s-\s)(?P<unit>[a-z]+)(?P<old>(?:-|\s-\s|\s)old)?\b", re.IGNORECASE)  # "a 70-year old man"


def _alternation(words) -> str:
    return "|".join(re.escape(word).replace(r"\ ", r"\s") for word in sorted(words, key=len, reverse=True))


# A unit symbol right after the digits ("20km", "5t", "40°C"), case as written.
ATTACHED_UNIT = re.compile(rf"(?P<unit>{_alternation(UNIT_SYMBOLS)})(?![\w²³^])")
# A unit symbol joined to the number by a hyphen, the number and unit modifying a noun: "a 10-kg bag".
HYPHEN_SYMBOL = re.compile(rf"-(?P<unit>{_alternation(UNIT_SYMBOLS)})(?![\w²³^]|-\d|\.\w)")
# A unit after a space: a spelled unit in any case ("3 cubic kilometres"), or a symbol ("8 MB").
SPACED_UNIT_WORD = re.compile(rf"\s(?P<unit>(?i:{_alternation(UNITS)}))(?![\w²³^])")
SPACED_UNIT_SYMBOL = re.compile(rf"\s(?P<unit>{_alternation(UNIT_SYMBOLS)})(?![\w²³^])")
# A unit divided by another: "37.8 micrograms per gram", "10 l/km", "20 J/m^2", "50 km/ms".
PER_UNIT = re.compile(rf"(?:\s?/\s?|\sper\s)(?:(?P<word>(?i:{_alternation(UNITS)}|milliseconds?))|"
                      rf"(?P<symbol>{_alternation(UNIT_SYMBOLS)}|ms))(?P<power>\^[23]|[²³])?(?![\w²³^])")
# A unit in brackets right after the number: "20 (kg)", "5 [m]", "12 <km>".
BRACKETED_UNIT = re.compile(rf"\s?(?:\((?P<a>)|\[(?P<b>)|<(?P<c>))(?P<unit>{_alternation(UNIT_SYMBOLS)}|(?i:{_alternation(UNITS)}))"
                            r"(?(a)\)|(?(b)\]|>))")
# A second measure of the same kind right after: "12 m 2 dm", "6 ft 3 in".
MEASURE_NEXT = re.compile(rf"\s\d+(?:\.\d+)?\s?(?P<unit>{_alternation(UNIT_SYMBOLS)})(?![\w²³^])")


# The name of what a unit measures, said before its number ("a voltage of 230 V", "the load is 5
# kN", "a force of 20 N"): there a symbol that is also a letter or a word is that unit.
MEASURE_NAMES = {
    "voltage": "voltages?|volts?", "power": "power|output|wattage|watts?", "energy": "energy|joules?",
    "force": "force|thrust|load", "pressure": "pressures?", "current": "current|amperage", "charge": "charge",
    "magnetic field": "field", "volume": "volume|capacity", "weight": "mass|weigh(?:s|ed|ing)?|weight",
    "temperature": "temperatures?", "light": "brightness|luminous|light", "angle": "angle",
}
MEASURE_NAMED = {kind: re.compile(rf"\b(?:{words})\b", re.IGNORECASE) for kind, words in MEASURE_NAMES.items()}


def _measure_named(text: str, position: int, kind: str) -> bool:
    """The clause before ``position`` (up to 50 characters) names the measure of ``kind``."""
    pattern = MEASURE_NAMED.get(kind)
    if pattern is None:
        return False
    window = text[max(0, position - 50): position]
    window = re.split(r"[.;:!?]\s", window)[-1]
    return bool(pattern.search(window))


def _measure_follows(text: str, position: int, limit: int, kind: str) -> bool:
    after = MEASURE_NEXT.match(text, position, limit)
    return bool(after) and UNIT_SYMBOLS[after["unit"]][1] == kind


CLAUSE_END = re.compile(r"\s?(?:[.,;:)!?]|$)|\s(?:x|×|by)\s?\d")  # "1 m x 1 m"
OF_AFTER = re.compile(r"\sof\s")
SIZE_AFTER = re.compile(r"\s(?:high|tall|long|wide|deep|thick|away|across|apart|above|below|underground|"
                        r"offshore|inland|(?:north|south|east|west)(?:east|west)?\sof)\b")  # "6 ft 3 in tall",
# "a wall 4 m high", "400 m below sea level", "2 m apart", "20 m north of the bridge"
MEASURED_OF = frozenset({"l", "L", "t", "g", "m", "st", "cc"})  # "4 L of wine", "5 t of coal", "10 m of cable"
CUBED = re.compile(r"\^3|³|\scubed\b")
SQUARED = re.compile(r"\^2|²|\ssquared\b")
TIME_PERIODS = "day|week|month|year|hour|night|minute|second"
PER_PERIOD = re.compile(rf"\sper\s(?:{TIME_PERIODS})\b", re.IGNORECASE)  # "2 kb per second": a symbol, then a rate
PER_SLASH = re.compile(rf"/(?P<per>{TIME_PERIODS}|millisecond|h|hr|min|ms|s(?:2|²|\^2)|s|kg|share|person|head)\b",
                       re.IGNORECASE)  # "30,000/month", "9.8 m/s2"
# "$70 a share", "12-cent-a-share", "64 cents a dozen", "1,008 daily".
RATE_AFTER = re.compile(rf"(?:\s|\s?-\s?)(?:(?:a|an|per|each|every)(?:\s|\s?-\s?)(?P<per>{TIME_PERIODS}|share|"
                        r"person|head|capita|kg|kilogram|kilo|pound|barrel|tonne|ton|gallon|litre|liter|acre|hectare|"
                        r"dozen|ounce|troy\sounce|bushel|gram|unit)|(?P<adverb>daily|weekly|monthly|yearly|annually|nightly|hourly|per\sannum))\b"
                        r"(?!\s(?:earlier|later|ago|before|after|on)\b)", re.IGNORECASE)
# A price per any thing after "per": "$85 per ticket", "€2 per passenger".
PER_THING = re.compile(r"\sper\s(?!cent\b)(?P<thing>[a-z]+)\b(?![-'’])")
# A period after what is measured: "2.4 billion gallons of jet fuel a year".
RATE_OF = re.compile(rf"\sof\s(?:[a-z]+\s){{1,3}}?(?:a|an|per|every)\s(?P<per>{TIME_PERIODS})\b"
                     r"(?!\s(?:earlier|later|ago|before|after|on)\b)")
PER_NAMES = {"h": "hour", "hr": "hour", "min": "minute", "s": "second", "ms": "millisecond", "kilogram": "kg", "kilo": "kg",
             "capita": "person", "head": "person", "liter": "litre", "per annum": "year", "s2": "square second",
             "s²": "square second", "s^2": "square second"}
TIME_PER = frozenset(TIME_PERIODS.split("|"))
NEXT_WORD = re.compile(r"\s[“\"‘']?(?P<word>(?:[A-Z]\.){2,}|[A-Za-z][A-Za-z’'-]*(?:(?<=-)\d+\b)?(?:/h|²)?)")
DIMENSION = re.compile(r"-(?=[a-z])|\s(?:high|tall|long|wide|deep|thick|away|across|above|below|under|underground|of\swater)\b")
AGE_AFTER = re.compile(r"\s?(?:yo|y/o|y\.o\.|yrs?\.?\sold)(?!\w)", re.IGNORECASE)
# "132 pounds" is a weight unless money is spoken of around it ("paid 50 pounds", "361 million pounds").
MONEY_CONTEXT = re.compile(r"£|\b(?:costs?|costing|paid|pay|pays|price[ds]?|worth|fined?|spent|spend|raised|budget|"
                           r"fund(?:s|ing)?|salary|wages?|bills?|fees?|profits?|revenues?|sales|turnover|deal|bid|"
                           r"sold|bought|buy|sell|earn(?:s|ed|ings)?|income|tax(?:es)?|debts?|grants?|invest\w*|"
                           r"valued|pence|sterling|loans?|donat\w*|compensation|bonus|rent|charged?|ow(?:e[sd]?|ing)|borrow\w*|lend\w*|"
                           r"lent|tickets?|savings|pensions?|refund\w*|pounds?\s(?:a|per)\s"
                           r"(?:week|month|year))\b", re.IGNORECASE)
# A capitalised word right before a bare number names a thing ("Part 2", "Voyager 2", "Section 427").
NOT_DESIGNATORS = frozenset(
    "The A An Some About Over Nearly Around Almost Roughly Approximately Just Only All Those These Its Their His Her "
    "Our My Your Another Every Each Both First Last Top Than Up To By Of At In On For From With And But Or Nor So Yet "
    "After Before Since Until Under Above Below Estimated Exactly Another Least Most More Fewer Less Some Another "
    "Another Almost Barely Fully Precisely Perhaps Possibly Maybe Another Like Between Within Nearly Plus Minus Per "
    "Another When While If As Of Another Just Some Another Than Total Totaling Totalling About".split())
DESIGNATORS = frozenset(
    "Part Chapter Episode Season Series Volume Vol. No. Nos. Number Act Scene Book Game Week Round Stage Phase Level "
    "Grade Class Category Article Section Sec. Row Room Suite Gate Flight Route Highway Interstate Lane Platform Track "
    "Page Figure Fig. Table Item Rule Amendment Title Proposition Prop. Measure District Ward Precinct Unit Building "
    "Block Terminal Channel Sector Zone Pier Exit Bus Line Division Brigade Battalion Regiment Corps Squadron Model "
    "Version Mark Mk. Type Size Day Year Apollo Formula Windows Ligue Serie Fortune Nasdaq FTSE Russell Nikkei Stoxx "
    "DAX CAC ASX Sensex Nifty S&P Form Apartment Apt. Flat Seat Floor Suite".split())  # "the FTSE 100", "the S&P 500": an index, not a count
# Designators that name a thing in lower case too (not "day", "week": "every day 5 people ...").
LOWER_DESIGNATORS = frozenset("highway interstate route exit gate platform terminal pier page chapter section "
                              "article episode flight channel room no. nos. vol. apartment apt. flat seat form suite "
                              "floor".split())
SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n\s*|[“\"(]\s*)\Z")
# What a number just before says about its size: the bound a reader takes from it.
BOUNDS = {
    "about": "about", "around": "about", "roughly": "about", "approximately": "about", "approx.": "about",
    "some": "about", "estimated": "about", "an estimated": "about", "circa": "about", "c.": "about", "~": "about",
    "possibly": "about", "perhaps": "about", "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "just under": "nearly", "over": "over", "more than": "over", "upwards of": "over", "above": "over",
    "in excess of": "over", "exceeding": "over", "under": "under", "less than": "under", "fewer than": "under",
    "below": "under", "at least": "at least", "no fewer than": "at least", "no less than": "at least",
    "up to": "up to", "as many as": "up to", "as much as": "up to", "at most": "up to", "no more than": "up to",
}
CHANGE_UP = frozenset("rose rise rises rising risen up increase increased increases increasing grew grow grows growing "
                      "grown gain gained gains gaining jumped jump jumps climbed climb climbs soared soar soars surge "
                      "surged surges rallied added adds boosted raised hiked higher advanced".split())
CHANGE_DOWN = frozenset("fell fall falls falling fallen down dropped drop drops dropping decline declined declines "
                        "declining decrease decreased decreases lost lose loses losing slid slide slides slipped slip "
                        "slips sank sink sinks sunk plunge plunged plunges plummeted tumble tumbled tumbles slump "
                        "slumped slumps shrank shrink shrinks shrunk lower eased eases dipped dip dips shed sheds "
                        "slashed reduced cut cuts".split())
# Words between the verb and the figure that keep it a change: "rose by about 5%", "fell to 20".
CHANGE_GAP = frozenset("by about nearly almost some more than over around roughly another a further just only "
                       "an estimated".split())
CHANGE_AFTER = re.compile(r"\s(?:(?P<up>increase|rise|gain|jump|growth|hike|surge|higher)|"
                          r"(?P<down>decrease|drop|decline|fall|cut|reduction|loss|slump|lower))\b", re.IGNORECASE)
OF = re.compile(r"\sof\b")
# An age in apposition: "Jane Doe, 54, was ...", "the driver, 19, who ..." (a name or a person before).
AGE_APPOSITION_BEFORE = re.compile(
    r"(?:\b[A-Z][a-z'’-]+|\b[JS]r\.|\b(?:man|woman|boy|girl|patient|victim|driver|teenager|mother|father|son|"
    r"daughter|wife|husband|suspect|resident|officer|pilot|passenger|player|pensioner|student|worker|grandmother|"
    r"grandfather|child|baby|owner|employee|nurse|doctor|teacher|soldier|veteran|star|singer|actor|actress|"
    r"rapper|director|founder|coach|manager))\s?,\s$")  # "Jim Roe Jr., 55, could face", "the film's star, 42, was"
AGE_APPOSITION_AFTER = re.compile(r"\s?,\s(?:was|is|who|of|from|has|had|said|says|died|became|will|would|could|"
                                  r"can|may|might|faces|appeared|pleaded|remains|told|added|admitted|denied|denies)\b")
AGED = re.compile(r"\b(?:age[d]?|the\sage\sof)\s$", re.IGNORECASE)  # "aged 87", "a man of age 87", "at the age of 30"
# Words right before a number that make it approximate ("around 200", "more than 12").
APPROX_BEFORE = frozenset({
    "around", "about", "roughly", "nearly", "almost", "approximately", "approx.", "some", "over", "under",
    "estimated", "possibly", "perhaps", "circa", "c.", "~", "more than", "at least", "up to", "less than",
    "fewer than", "close to", "upwards of", "as many as",
})
PLUS_MINUS = re.compile(rf"\s?(?:±|\+/-|\+-)\s?(?:{_DIGITS})")
# "+" and "-odd" belong to the number's text; the rest stand after it.
APPROX_ATTACHED = re.compile(r"\+(?!\d)|-odd\b")
APPROX_AFTER = re.compile(r"(?:\s?[—–-]\s?|,\s|\s)(?:possibly|perhaps|maybe|or|and|if\snot)\s(?:more|higher|so)\b|"
                          r"\s(?:or\sso|plus)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Numeral:
    """The number part of a match, before anything that follows it is read."""

    start: int
    end: int
    low: float
    high: Optional[float]
    currency: Optional[str]
    ratio: bool
    worded: bool  # written in words: needs a unit to count as a quantity
    year_like: bool
    dash: bool = False  # a range written with a dash ("15-20"), which may be a score ("2-1") or record
    currency_text: Optional[str] = None
    fraction: bool = False  # "two thirds", "1/4", "½"
    parts: Optional[tuple[int, int]] = None  # "X to Y": where X ends and Y's text starts
    signed_range: bool = False  # "-5 to 5", "−12–−4": a range below zero, kept only for a measure


@dataclass(frozen=True)
class _Tail:
    end: int
    unit: Optional[str]
    kind: str
    per: Optional[str] = None
    scale: float = 1.0
    approx: bool = False
    unit_text: Optional[str] = None
    counted: Optional[str] = None
    add: float = 0.0  # a second part in a smaller unit, in this one: the 5 inches of "6-foot-5"


SCIENTIFIC = re.compile(r"(?P<mantissa>\d+(?:\.\d+)?)(?:[eE]|\s?[×x]\s?10\^?)(?P<exponent>[-−+⁻⁺]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_MAY_BE_SCIENTIFIC = re.compile(r"[eE×x]")
POWER_OF_TEN = re.compile(r"10\^?(?P<exponent>[-−+⁻⁺]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})")
POWER_MARKS = frozenset("^⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹")
_SEPARATORS = re.compile(r"[,\s]")
SPACED_SLASH = re.compile(r"\s/\s")
MIXED_JOIN = re.compile(r"(?<=\d)(?:-|\sand\s)(?=\d{1,2}/)")  # the whole and the fraction of "3-1/2", "3 and 1/2"
EXPONENT_DIGITS = str.maketrans("−⁻⁺⁰¹²³⁴⁵⁶⁷⁸⁹", "--+0123456789")


def parse_number(text: str) -> float:
    """A numeral with separators ("1,147,740"), decimals ("1.14") or a fraction ("2 1/2", "¾") as a float."""
    text = text.strip()
    power = POWER_OF_TEN.fullmatch(text) if text[2:3] in POWER_MARKS else None
    if power:  # "10^6", "10⁻³"
        return 10.0 ** int(power["exponent"].translate(EXPONENT_DIGITS))
    science = SCIENTIFIC.fullmatch(text) if _MAY_BE_SCIENTIFIC.search(text) else None
    if science:
        exponent = science["exponent"].translate(EXPONENT_DIGITS)
        return float(science["mantissa"]) * 10.0 ** max(-300, min(300, int(exponent)))  # "5e400" stays finite
    if text and text[-1] in FRACTION_CHARS:
        return (float(text[:-1]) if text[:-1] else 0.0) + FRACTION_CHARS[text[-1]]
    if "/" in text:
        text = MIXED_JOIN.sub(" ", SPACED_SLASH.sub("/", text))  # tokenised "7 3 / 4"; "3-1/2", "3 and 1/2"
        whole, _space, fraction = text.rpartition(" ")
        top, _slash, bottom = fraction.partition("/")
        return (float(whole) if whole else 0.0) + float(top) / float(bottom)
    return float(_SEPARATORS.sub("", text))


def is_fraction(text: str) -> bool:
    """A proper fraction with a usual denominator ("1/4", "2 1/2"), not "24/7" or "9/11"."""
    if "/" not in text:
        return True
    text = MIXED_JOIN.sub(" ", SPACED_SLASH.sub("/", text))
    top, _slash, bottom = text.rpartition(" ")[2].partition("/")
    return int(top) < int(bottom) and int(bottom) in FRACTION_DENOMINATORS


WORD_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}


def word_number(text: str) -> Optional[float]:
    """A number written in words ("six", "twenty-one", "one hundred and two", "two thirds"), or None."""
    words = " ".join(text.lower().replace(",", " ").split())
    if words in WORD_NUMBERS:
        return float(WORD_NUMBERS[words])
    whole, point, decimals = words.partition(" point ")
    if point:  # "one point five", "two point zero five"
        digits = [SMALL_NUMBERS.get(word) for word in decimals.split()]
        number = word_number(whole)
        if number is None and whole != "zero" or any(d is None or d > 9 for d in digits):
            return None
        return (number or 0.0) + float("0." + "".join(str(d) for d in digits))
    tokens = [t for t in re.split(r"[\s-]+", words) if t not in ("and", "&")]
    if tokens[-2:] == ["of", "a"] and len(tokens) == 4:  # "a quarter of a" (million)
        tokens = tokens[:2]
    half = 0.0
    if tokens[-2:] == ["a", "half"] and len(tokens) > 2:
        tokens, half = tokens[:-2], 0.5
    if len(tokens) == 2 and tokens[1] in FRACTION_WORDS:
        top = 1 if tokens[0] in ("a", "an") else SMALL_NUMBERS.get(tokens[0])
        return top / FRACTION_WORDS[tokens[1]] if top else None
    total, current = 0.0, 0.0
    for token in tokens:
        if token in ("a", "an"):
            current = current or 1.0
        elif token in SMALL_NUMBERS:
            current += SMALL_NUMBERS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "dozen":
            current = (current or 1.0) * 12
        elif token == "hundred":
            current = (current or 1.0) * 100
        elif token in WORD_SCALES:
            total += (current or 1.0) * WORD_SCALES[token]
            current = 0.0
        else:
            return None
    value = total + current + half
    return value or None


def find_quantities(text: str, start: int = 0, end: Optional[int] = None) -> list[Quantity]:
    """Every quantity in ``text[start:end]``, in order; offsets index into ``text``."""
    end = len(text) if end is None else end
    found = sorted(_scan(text, start, end), key=lambda q: q.char_start)
    found = _one_unit(text, start, end, found)
    excluded = _excluded(text, [q.char_start for q in found], start, end)
    found = [q for q in found if not excluded.overlaps(q.char_start, q.char_start + 1)
             and not _tokenised_date(text, q.char_start) and not _in_address(text, q.char_start, start)]
    return _joined(text, _shared_units(text, found))


# "a gallon of milk", "a mile away", "a penny.": one of a measure or a coin, said with the article
# (not "a foot soldier", "a degree in law", "a dollar store": only before "of", a size or a clause's end,
# after a part of it, "half a mile", or after a verb of going or measuring or a word of about, "walked a
# mile home", "nearly a mile"). "An hour and a half", "a mile and a half": one and a half of a measure or
# of a duration, the only place a duration with the article is read.
ONE_UNIT = re.compile(r"\b[Aa]n?\s(?P<unit>mile|kilomet(?:er|re)|gallon|lit(?:er|re)|kilo(?:gram(?:me)?)?|tonne|barrel|"
                      r"ounce|acre|hectare|penny|cent|pint|cup|teaspoon|tablespoon|quart|square\smile"
                      r"|(?P<duration>hour|day|week|month|year|minute|decade|century)|foot|inch|yard|met(?:er|re)|dollar|euro)\b"
                      r"(?P<half>\sand\sa\shalf\b(?!-))?")
ONE_UNIT_CLOSE = re.compile(r"\s(?:of|away|long|high|wide|deep|tall|from)\b|\s?[.,;:!?)]|\s*$")
ONE_UNIT_LEAD = re.compile(r"\b(?:walk(?:ed|s|ing)?|r[au]n(?:s|ning)?|drove|driv(?:e|es|ing|en)|swam|swim(?:s|ming)?|"
                           r"cycl(?:ed|es|ing)|rode|hik(?:ed|es|ing)|travel+(?:ed|s|ing)?|flew|sail(?:ed|s|ing)?|"
                           r"march(?:ed|es|ing)?|jog(?:ged|s|ging)?|crawl(?:ed|s|ing)?|stretch(?:ed|es|ing)|"
                           r"measur(?:ed|es|ing)|weigh(?:ed|s|ing)?|about|nearly|almost|roughly|around|approximately|"
                           r"than)\s$", re.IGNORECASE)
# Units of ONE_UNIT read with the article only as one and a half ("a foot and a half", not "a foot soldier").
HALF_ONLY_UNITS = frozenset({"foot", "inch", "yard", "meter", "metre", "dollar", "euro"})


# A part of one: "half a mile", "a quarter of a mile", "two thirds of a cup" (the fraction is its value).
HALF_BEFORE = re.compile(r"(?<![\w-])[Hh]alf\s$")
OF_BEFORE = re.compile(r"\sof\s$")


def _one_unit(text: str, start: int, end: int, found: list[Quantity]) -> list[Quantity]:
    added: list[Quantity] = []
    claimed: Optional[SpanSet] = None
    for match in ONE_UNIT.finditer(text, start, end):
        word = match["unit"].lower()
        if not match["half"] and (match["duration"] or word in HALF_ONLY_UNITS):
            continue
        if claimed is None:  # built once, on the first "a mile": most texts have none
            claimed = SpanSet()
            for quantity in found:
                claimed.add(quantity.char_start, quantity.char_end)
        if claimed.overlaps(match.start(), match.end("unit")):
            continue
        part = None if match["half"] else _part_of_one(text, match.start(), found)
        if not (match["half"] or part is not None or ONE_UNIT_CLOSE.match(text, match.end(), end)
                or ONE_UNIT_LEAD.search(text, max(start, match.start() - 16), match.start())):
            continue
        if match["duration"]:
            unit, kind = DURATION_UNITS[word], "duration"
        else:
            unit, kind = (CURRENCY_WORDS[word], "money") if word in CURRENCY_WORDS else UNITS[word]
        tail = _Tail(match.end(), unit, kind, unit_text=word)
        if match["half"]:  # "an hour and a half": the "a half" read alone is part of it
            found = [q for q in found if not match.end("unit") <= q.char_start < match.end()]
            added.append(_make(text, match.start(), match.end(), 1.5, None, tail, False))
        elif isinstance(part, Quantity):
            found = [q for q in found if q is not part]
            added.append(_make(text, part.char_start, match.end(), part.value or 1.0, None, tail, part.approx, part.bound))
        elif part is not None:  # "half a mile": from "half"
            added.append(_make(text, part, match.end(), 0.5, None, tail, False))
        else:
            added.append(_make(text, match.start(), match.end(), 1.0, None, tail, False))
    return sorted([*found, *added], key=lambda q: q.char_start) if added else found


def _part_of_one(text: str, position: int, found: list[Quantity]) -> "Quantity | int | None":
    """Before "a mile": where "half" starts, or the fraction found before "of" ("a quarter of"), or None."""
    half = HALF_BEFORE.search(text, max(0, position - 6), position)
    if half:
        return half.start()
    of = OF_BEFORE.search(text, max(0, position - 4), position)
    if of:
        for quantity in found:
            if quantity.kind == "fraction" and quantity.char_end == of.start() and quantity.value is not None:
                return quantity
    return None


def _excluded(text: str, positions: list[int], start: int, end: int) -> "SpanSet":
    """Dates, clock times, phone numbers, addresses and list numbering around the numbers found:
    the patterns run over the stretches near a number only (at most the whole text, once)."""
    stretches: list[list[int]] = []
    for position in positions:
        low, high = max(start, position - 24), min(end, position + 64)
        if stretches and low <= stretches[-1][1]:
            stretches[-1][1] = max(stretches[-1][1], high)
        else:
            stretches.append([low, high])
    excluded = SpanSet()
    for pattern in NOT_A_QUANTITY:
        for low, high in stretches:
            for match in pattern.finditer(text, low, high):
                if "mark" in pattern.groupindex:  # only the mark, not the words before it
                    excluded.add(*match.span("mark" if match["mark"] else "line_mark"))
                elif pattern is not ENUMERATOR or not match["unopened"] or _unopened(text, match.start()):
                    excluded.add(match.start(), match.end())
    return excluded


WEB_ADDRESS = re.compile(r"^[(<\[\"'“]*(?:[a-z][a-z+.-]*://|www\.)", re.IGNORECASE)


def _in_address(text: str, position: int, start: int) -> bool:
    """The number is part of a web address ("https://x.org/?q=30%25%2020%", "www.a.com/2019/5"):
    the run of text without a space it stands in opens with a scheme or "www."."""
    low = max(start, position - 300)
    if "/" not in text[low: position] and "www" not in text[low: position]:
        return False
    opening = max(low - 1, *(text.rfind(space, low, position) for space in " \n\t\u00a0")) + 1
    return bool(WEB_ADDRESS.match(text[opening: position]))


def _unopened(text: str, position: int) -> bool:
    """No "(" is open before ``position`` on its line (within 200 characters)."""
    window = text[max(0, position - 200): position]
    window = window[window.rfind("\n") + 1:]
    return window.rfind("(") <= window.rfind(")")


def _tokenised_date(text: str, position: int) -> bool:
    """ "oct . 13", "no . 1" in tokenised copy."""
    return (text[max(0, position - 3): position] == " . "
            and text[max(0, position - 8): position - 3].rpartition(" ")[2].lower() in TOKENISED_WORDS)


# Two measures that are one quantity: a range written with the unit twice ("44 mg to 50 mg",
# "between 5 km and 8 km", "ranged from -18 °C to -34 °C") and amounts in two units ("thirteen
# dollars and forty-five cents", "5 ft 2 in").
RANGE_GAP = re.compile(r"\s?[–—-]\s?|\s(?:to|and)\s")
RANGE_OPENER = re.compile(r"(?:\bbetween|\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying))\s(?:\w+\s)?from)\s$",
                          re.IGNORECASE)
COMPOUND_GAP = re.compile(r"\s(?:and\s)?")
SUBUNITS = {("USD", "USc"): 100, ("EUR", "USc"): 100, ("GBP", "GBX"): 100, ("ft", "in"): 12, ("lb", "oz"): 16,
            ("m", "cm"): 100,
            **{(parent, single): parts for single, parents, parts in CURRENCY_SUBUNITS.values() for parent in parents}}


def _joined(text: str, found: list[Quantity]) -> list[Quantity]:
    out: list[Quantity] = []
    for quantity in found:
        last = out[-1] if out else None
        if last is not None and quantity.char_start < last.char_end:
            continue  # the cents of "15 USD 50", already read with the amount
        joined = _range_of(text, last, quantity) or _compound(text, last, quantity) if last is not None else None
        if joined is not None:
            out[-1] = joined
        else:
            out.append(_worded_cents(text, quantity))
    return out


# "thirteen dollars forty five", "15 euros and fifty": the cents said in words after the currency word.
WORDED_CENTS = re.compile(rf"\s(?:and\s)?(?:(?P<digits>\d{{1,2}})(?![\d.,]\d)|(?P<words>{WORD_NUMBER}))"
                          r"(?=\s?(?:[.,;:!?)]|$)|\s(?:more|less)\s?(?:[.,;:!?)]|$))", re.IGNORECASE)


def _worded_cents(text: str, quantity: Quantity) -> Quantity:
    if (quantity.kind != "money" or quantity.value is None or quantity.value != int(quantity.value) or quantity.per
            or not (quantity.unit_text or "").isalpha() or quantity.unit in ("USc", "GBX")):
        return quantity
    cents = WORDED_CENTS.match(text, quantity.char_end)
    value = (float(cents["digits"]) if cents["digits"] else word_number(cents["words"])) if cents else None
    if value is None or not 0 < value < 100 or value != int(value):
        return quantity
    return replace(quantity, text=text[quantity.char_start: cents.end()], value=quantity.value + value / 100,
                   char_end=cents.end())


def _range_of(text: str, first: Quantity, second: Quantity) -> Optional[Quantity]:
    if (first.value is None or second.value is None or first.unit is None or first.unit != second.unit
            or first.kind != second.kind or first.kind not in MEASURES or first.per != second.per):
        return None
    gap = RANGE_GAP.fullmatch(text, first.char_end, second.char_start)
    if gap is None:
        return None
    opener = RANGE_OPENER.search(text, max(0, first.char_start - 40), first.char_start)
    if gap[0].strip() == "and" and not (opener and opener[0].lower().startswith("between")):
        return None  # "5 km and 8 km" is two distances unless "between"
    if gap[0].strip() == "to" and _words_before(text, first.char_start, 12)[-1:] == ["from"] and not opener:
        return None  # "rose from 44 mg to 50 mg" is a change, not a range
    if gap[0].strip() == "to" and first.value > second.value and not opener:
        return None  # "won 52 to 48 percent": two figures
    low, high = sorted((first.value, second.value))
    if low == high:
        return None
    if gap[0].strip() == "to" and high >= 3 * low and CHANGE_FROM.search(text, max(0, first.char_start - 40),
                                                                       first.char_start):
        return None  # "rose $12 to $1,780": a rise and a level, as in one numeral (_change_or_range)
    return replace(first, text=text[first.char_start: second.char_end], value=None, low=low, high=high,
                   char_end=second.char_end, approx=first.approx or second.approx)


def _compound(text: str, first: Quantity, second: Quantity) -> Optional[Quantity]:
    parts = SUBUNITS.get((first.unit or "", second.unit or ""))
    if (parts is None and first.kind == "money" and second.unit is None and second.kind == "count"
            and not second.counted and (first.unit_text or "").isalpha()
            and (CLAUSE_END.match(text, second.char_end) or MORE_AFTER.match(text, second.char_end))
            and second.value is not None and second.value < 100):
        parts = 100  # "15 dollars 50", "fifteen euros and fifty": the cents, said without the word
    if (parts is None or first.value is None or second.value is None or first.value != int(first.value)
            or not 0 < second.value < parts or first.per or second.per
            or not COMPOUND_GAP.fullmatch(text, first.char_end, second.char_start)):
        return None
    return replace(first, text=text[first.char_start: second.char_end], value=first.value + second.value / parts,
                   char_end=second.char_end)


MORE_AFTER = re.compile(r"\s(?:more|less)\s?(?:[.,;:!?)]|$)")  # "15 USD 50 more, ...", not "50 more people"
COORDINATED = re.compile(r"\s(?:and|or|to)\s|,\s")
BY = re.compile(r"\s?[x×]\s?|\sby\s")  # "a 10 x 12 ft room", "12 by 5 miles": the sides of one size
MEASURES = frozenset({"length", "weight", "volume", "area", "speed", "temperature", "percent", "money", "energy",
                      "concentration",
                      "power", "data"})


def _shared_units(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "5 or 6 percent", "45 and 50 mg": a bare number takes the unit of the measure it is paired with."""
    out = list(found)
    for index in range(len(out) - 2, -1, -1):
        first, second = out[index], out[index + 1]
        if (first.unit is None and first.kind == "count" and not first.counted and second.kind in MEASURES
                and (COORDINATED.fullmatch(text, first.char_end, second.char_start)
                     or second.kind == "length" and BY.fullmatch(text, first.char_end, second.char_start))
                and not second.text[:1] in CURRENCY_START
                and not (second.unit_text and second.text.lower().startswith(second.unit_text.lower()))):  # "5 and Rs 6"
            out[index] = replace(first, unit=second.unit, kind=second.kind, per=second.per)
        elif (first.unit is None and first.kind == "count" and not first.counted and second.kind == "money"
              and first.value is not None and text[first.char_end: second.char_start] == " "):
            noun = NEXT_WORD.match(text, second.char_end)  # "two $20 bills", "3 USD50 cards": the notes are counted
            if noun and _is_counted(noun["word"]):
                out[index] = replace(first, unit=noun["word"].lower(), counted=noun["word"])
    return out


CURRENCY_START = frozenset(_SIGNS)


class SpanSet:
    """Character spans already claimed, merged and sorted, so a lookup costs a bisection."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, end - 1)  # spans starting before ``end``
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        low = bisect.bisect_left(self._ends, start)  # the first span not wholly before
        high = bisect.bisect_right(self._starts, end)  # past the last span not wholly after
        if low < high:
            start, end = min(start, self._starts[low]), max(end, self._ends[high - 1])
        self._starts[low:high], self._ends[low:high] = [start], [end]


def _scan(text: str, start: int, end: int) -> Iterator[Quantity]:
    ratios = SpanSet()
    for ratio in _ratios(text, start, end):
        ratios.add(ratio.char_start, ratio.char_end)
        yield ratio
    claimed = start  # the end of the last quantity: a number inside it ("2,000.45±0.01 lb") is part of it
    for match in _numerals(text, start, end):
        if match.start() < claimed and match["cur"] and match.start("cur") < claimed <= _opening(match):
            match = NUMERAL.match(text, _opening(match), end) or match  # "10 rmb 20 usd": "rmb" was 10's
        if ratios.overlaps(match.start(), match.end()) or match.start() < claimed:
            continue
        if match["vague"]:
            for quantity in _vague(text, match, end):
                claimed = quantity.char_end
                yield quantity
            continue
        numeral = _numeral(text, match)
        if numeral is None and _descending_to(match):  # "won 52 to 48 percent": two figures, not a range
            parts = []
            for part in (NUMERAL.match(text, match.start(), match.start("sep")), NUMERAL.match(text, match.end("sep"), end)):
                numeral = _numeral(text, part) if part else None
                quantity = _quantity(text, numeral, end) if numeral is not None else None
                if quantity is not None and quantity.char_start >= claimed:
                    parts.append(quantity)
            if len(parts) == 2 and (parts[1].unit is not None or parts[1].counted):  # not a score, "won 3 to 1"
                claimed = parts[1].char_end
                yield from parts
            continue
        if numeral is not None:
            quantity = _quantity(text, numeral, end)
            if quantity is not None:
                claimed = quantity.char_end
                yield from _change_or_range(text, numeral, quantity)


def _opening(match: re.Match[str]) -> int:
    """Where a numeral's number starts, past its currency."""
    return match.start("lo") if match["lo"] else match.start("lo_word")


def _descending_to(match: re.Match[str]) -> bool:
    """ "52 to 48": a high figure, then "to", then a lower one (not a range: each is a figure)."""
    if match["sep"] is None or match["sep"].strip().lower() != "to" or match["between"]:
        return False
    low, high = _value(match["lo"], match["lo_word"]), _value(match["hi"], match["hi_word"])
    if match["sign"] and match["sign"] in "-−":  # "−12 to −4" rises from below zero
        low, high = -low, -high if match["hisign"] else high
    return 0 < high < low


# "rose from 7.8 million to 8.1 million", "a cut from 5% to 4%": a change, two figures, not a range.
CHANGE_FROM = re.compile(
    r"\b(?:ros[e]|risen|ris(?:es|ing|e)|gr[eo]w|grown|grows|growing|f[ae]ll|fallen|falls|falling|drop(?:s|ped|ping)?|"
    r"declin(?:e|ed|es|ing)|increas(?:e|ed|es|ing)|decreas(?:e|ed|es|ing)|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|"
    r"soar(?:s|ed|ing)?|surg(?:e|ed|es|ing)|slid|slides|slipped|plung(?:e|ed|es)|plummet(?:ed|s)?|tumbl(?:e|ed|es)|"
    r"sank|sunk|shr[aiu]nk|shrinks|swell(?:ed|s)?|doubled|tripled|halved|cut|cuts|reduc(?:e|ed|es|tion)|rais(?:e|ed|es)|"
    r"lower(?:ed|s)?|hik(?:e|ed|es)|went|moved|chang(?:e|ed|es)|revis(?:e|ed|es)|lift(?:ed|s)?|boost(?:ed|s)?|"
    r"slash(?:ed|es)?|expand(?:ed|s)?|narrow(?:ed|s)?|widen(?:ed|s)?|gain(?:ed|s)?|growth|up|down)"
    r"(?:(?:\s(?:\w+\s){0,2}?)?\s?(?P<by>from|by)\s|\s)$", re.IGNORECASE)  # "rose $12 to $1,780": as "by"


def _change_or_range(text: str, numeral: _Numeral, quantity: Quantity) -> Iterator[Quantity]:
    change = (CHANGE_FROM.search(text, max(0, numeral.start - 40), numeral.start)
              if numeral.parts is not None and quantity.low is not None and quantity.high is not None else None)
    if change is None or (change["by"] or "by").lower() == "by" and quantity.high < 3 * quantity.low:
        yield quantity  # "rose by 5 to 10 percent" is a range of rises; "rose by 1,234 to 56,789" is a rise and a level
        return
    low_end, high_start = numeral.parts
    yield replace(quantity, text=text[quantity.char_start: low_end], value=quantity.low, low=None, high=None,
                  char_end=low_end)
    yield replace(quantity, text=text[high_start: quantity.char_end], value=quantity.high, low=None, high=None,
                  char_start=high_start)


def _ratios(text: str, start: int, end: int) -> Iterator[Quantity]:
    """ "3:1" and "1 in 5", as left / right."""
    for pattern, words in ((RATIO_COLON, None), (RATIO_IN, IN_WORD), (RATIO_OUT_OF, OUT_OF_WORDS)):
        for match in (pattern.finditer(text, start, end) if words is None else _around(text, start, end, pattern, words)):
            right = _value(match["hi"], match["hi_word"])
            left = _value(match["lo"], match["lo_word"]) if right else 0
            if right and (pattern is RATIO_COLON or pattern is RATIO_OUT_OF and left <= right
                          or pattern is RATIO_IN and (left == 1 or left < right and _proportion(text, match.end(), end))):
                yield _make(text, match.start(), match.end(), left / right, None, _Tail(match.end(), "ratio", "ratio"),
                            False)


IN_WORD = re.compile(r"\sin\s")
OUT_OF_WORDS = re.compile(r"\sout\sof\s", re.IGNORECASE)


def _around(text: str, start: int, end: int, pattern: re.Pattern[str],
            ratio_words: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """A ratio pattern's matches, tried only around its words (``ratio_words``: "in", "out of"):
    the patterns open on any number, so running them over the whole text costs far more."""
    last = start
    for words in ratio_words.finditer(text, start, end):
        if words.start() < last:
            continue
        for match in pattern.finditer(text, max(last, words.start() - 60), min(end, words.end() + 40)):
            if match.start() <= words.start() and match.end() >= words.end():
                last = match.end()
                yield match
                break


def _proportion(text: str, position: int, limit: int) -> bool:
    """ "3 in 10 Americans", "four in five voters", but not "2 in 5 minutes" (two counts) or "2 in 5 km"."""
    after = NEXT_WORD.match(text, position, limit)
    word = after["word"].lower() if after else ""
    return word not in DURATION_UNITS and word not in UNITS and word not in UNIT_SYMBOLS


def _numeral(text: str, match: re.Match[str]) -> Optional[_Numeral]:
    """The number a match stands for, or None when it is a code, ordinal, score or year range."""
    if match["lo"] and not is_fraction(match["lo"]) or match["hi"] and not is_fraction(match["hi"]):
        return None  # "24/7", "9/11"
    if match["lo_word"] and word_number(match["lo_word"]) is None:
        return None
    low = _value(match["lo"], match["lo_word"])
    stop = match.end("loscale") if match["loscale"] else match.end("lo_word") if match["lo_word"] else match.end("lo")
    high, ratio = None, False
    if match["sep"] is not None:
        sep = match["sep"].strip().lower()
        if sep == "-to-":
            ratio, stop = True, match.end()
        else:
            high, stop = _value(match["hi"], match["hi_word"]) * _scale(match["hiscale"]), match.end()
            low *= _scale(match["loscale"] or match["hiscale"])
    for scale in ("loscale", "hiscale"):
        if match[scale] in ("M", "B") and not match["cur"]:  # "1.8M dollars", "5M people"; not "3M said"
            noun = NEXT_WORD.match(text, match.end(scale))
            if noun is None or noun["word"] not in SCALED_NOUNS and not (
                    "." in (match["lo"] or "") and _is_counted(noun["word"]) and noun["word"].islower()):
                return None  # but "1.2M views": decimals are never a company's name
    if match["loscale"] == "K" and not match["cur"] and high is None and _display_resolution(text, match):
        return None  # "streams at 4K", "an 8K TV": a screen's resolution, not 4,000
    if high is None and match["loscale"] == "K" and match["lo"] and _kelvin(text, match):
        stop = match.end("lo")  # "573.15K" beside "300 °C": kelvins, read as a unit after the digits
    elif high is None:
        low *= _scale(match["loscale"])
    if ratio:
        right = _value(match["hi"], match["hi_word"])
        low = low / right if right else low
    if _is_code(text, match.start("lo") if match["lo"] else match.start("lo_word"), stop, match):
        return None
    if text[max(0, match.start() - 1): match.start()] == "-" or text[max(0, match.start() - 2): match.start()] == "($":
        return None  # a negative number or an accountant's bracket: not a count a reader checks
    year_like = bool(match["lo"] and re.fullmatch(r"1[89]\d\d|20\d\d|2100", match["lo"]) and not match["loscale"])
    sign = match["sign"]
    if sign in ("-", "−") and match.start("sign") > 0 and not (text[match.start("sign") - 1].isspace()
                                                              or text[match.start("sign") - 1] in "([{\"'“‘/=:"):
        sign = None  # "5.25%-5.5%": a dash after a figure, not a minus
    signed = False
    if match["sign2"] and not sign:  # "$-99.99", "€-5": the minus after the currency sign
        if high is not None:
            return None
        low = -low
    elif sign in ("-", "−"):
        low, signed = -low, True
    if match["hisign"] and high is not None:
        if not signed:
            return None  # "5 to -3": no range a reader writes so
        high = -high
    if high is not None and (high <= low or year_like):
        return None  # a score ("2-1") or a span of years ("2022-2024", "2024-25")
    sign_at = match.start("sign") if sign else None
    start = sign_at if sign_at is not None else match.start("cur") if match["cur"] else (
        match.end("sign") if match["sign"] else match.start())
    if match["between"] and high is None:
        start = sign_at if sign_at is not None else match.start("cur") if match["cur"] else match.start("lo")
    written = (match["cur"] or match["cur2"] or "").strip()
    currency = CURRENCY_SIGNS.get(re.sub(r"\s", "", written).lower()) or CURRENCY_WORDS.get(written.lower())
    if currency is None and written[:1] == "M" and written[1:].lower() in CURRENCY_SIGNS:  # "MSEK 300": millions
        currency = CURRENCY_SIGNS[written[1:].lower()]
        low, high = low * 1e6, high * 1e6 if high is not None else None
    dash = bool(match["sep"] and match["sep"].strip() in "-–—−")
    fraction = bool(match["lo_word"] and FRACTION_WORD_END.search(match["lo_word"])
                    or match["lo"] and ("/" in match["lo"] or match["lo"][-1] in FRACTION_CHARS))
    to = high is not None and match["sep"].strip().lower() == "to"
    low_end = (match.end("loscale") if match["loscale"] else match.end("lo") if match["lo"] else match.end("lo_word"))
    if not math.isfinite(low) or high is not None and not math.isfinite(high):
        return None  # thousands of digit groups in a row: no figure a reader checks
    return _Numeral(start, stop, low, high, currency, ratio, bool(match["lo_word"]), year_like, dash,
                    written or None, fraction, (low_end, match.end("sep")) if to else None, signed and high is not None)


# Words around "4K", "8K", "5K" in reviews and tech news that make it a screen's or a video's
# resolution ("4K resolution", "up to 4K on your TV", "a 5K display"), not thousands.
SCREEN_WORDS = re.compile(r"\b(?:resolution|TVs?|televisions?|screens?|displays?|monitors?|video|videos|HDR|UHD|"
                          r"streaming|streams?|fps|pixels?|cameras?|Blu-ray|HDMI|gaming|footage|upscal\w*|iMac)\b",
                          re.IGNORECASE)
SCREEN_RESOLUTIONS = frozenset({"1", "1.5", "2", "2.5", "3", "4", "5", "6", "8", "10", "12", "16"})


def _display_resolution(text: str, match: re.Match[str]) -> bool:
    """ "4K" with screen words around it (:data:`SCREEN_WORDS`) is a resolution; "4K views" counts."""
    noun = NEXT_WORD.match(text, match.end())
    if noun and noun["word"].islower() and noun["word"].endswith("s") and not SCREEN_WORDS.fullmatch(noun["word"]):
        return False
    return match["lo"] in SCREEN_RESOLUTIONS and bool(
        SCREEN_WORDS.search(text, max(0, match.start() - 60), match.end() + 60))


TEMPERATURE_AROUND = re.compile(r"°|\b(?:degrees?|celsius|centigrade|fahrenheit|kelvins?|temperatures?)\b",
                                re.IGNORECASE)


def _kelvin(text: str, match: re.Match[str]) -> bool:
    return bool(TEMPERATURE_AROUND.search(text, max(0, match.start() - 80), match.end() + 60))


FRACTION_WORD_END = re.compile(rf"(?i:{_FRACTION_WORD})$")


def _value(digits: Optional[str], words: Optional[str]) -> float:
    return parse_number(digits) if digits else (word_number(words or "") or 0.0)


def _scale(scale: Optional[str]) -> float:
    if not scale:
        return 1.0
    word = scale.strip()
    return SCALES.get(word.lower(), 1e12 if word == "T" else 1.0)


def _is_code(text: str, start: int, stop: int, match: re.Match[str]) -> bool:
    """Digits that belong to a designation, ordinal, decade or version rather than a count."""
    if match["lo_word"]:
        return False
    if match["cur"] is None and re.search(r"[A-Za-z]-?$", text[max(0, start - 2): start]):
        return True
    if stop - start == 2 and SHORT_YEAR.search(text, max(0, start - 2), start):
        return True
    if text.startswith("-in-", stop) and text[stop + 4: stop + 5].isdigit():
        return True  # "a 3-in-1 charger": a product's form
    after = text[stop: stop + 4]
    if (ATTACHED_UNIT.match(after) or after[:1].isalpha() and _extra_symbol(text, stop, len(text), attached=True)
            or PERCENT.match(text, stop)) or HYPHEN_UNIT.match(after) or PER_SLASH.match(text, stop):
        return False
    if after[:1].isupper() and CURRENCY_AFTER.match(text, stop):
        return False  # "115USD"
    if POINTS.match(text, stop) or PENCE.match(text, stop) and _money_around(text, start, stop + 1):
        return False  # "50bp", "45p"
    if DECIMAL_SECONDS.match(text, stop) and DECIMAL_END.search(text, start, stop):
        return False  # "9.58s"
    return bool(ORDINAL_OR_CODE.match(after))


SOME_DAY_BEFORE = re.compile(r"\b(?:to|will|would|could|might|may|can|shall|should|must)\s$", re.IGNORECASE)
# "9.58s", "4.2 s": seconds after a number with decimals (an "s" after whole digits is a plural, "1990s").
DECIMAL_SECONDS = re.compile(r"\s?s(?![\w'’-])")
DECIMAL_END = re.compile(r"\d\.\d+$")


def _quantity(text: str, numeral: _Numeral, limit: int) -> Optional[Quantity]:
    uncertainty = PLUS_MINUS.match(text, numeral.end, limit)
    if uncertainty:  # "2,000.45±0.01 pounds": the value, about, in the unit after the uncertainty
        found = _quantity(text, replace(numeral, end=uncertainty.end()), limit)
        return replace(found, approx=True, bound=found.bound or "about") if found is not None else None
    plus = APPROX_ATTACHED.match(text, numeral.end, limit)  # "100+ drones"
    if numeral.currency:
        tail = _currency_tail(text, numeral)
    elif plus:
        tail = replace(_tail(text, plus.end(), limit, numeral), approx=True)
        tail = tail if tail.end > plus.end() else replace(tail, end=plus.end())
    else:
        tail = _tail(text, numeral.end, limit, numeral)
    if numeral.ratio:
        tail = _Tail(numeral.end, "ratio", "ratio")
    if tail.unit == "deg":
        tail = _degrees(text, numeral, tail, limit)
    if tail.unit is not None and tail.kind not in ("count", "money", "percent", "ratio", "duration", "age"):
        tail = _compound_unit(text, tail, limit)
    if (tail.unit is None and not tail.counted and tail.kind == "count"
            and AGED.search(text, max(0, numeral.start - 12), numeral.start)):
        tail = _Tail(tail.end, "year", "age", unit_text=None)  # "aged 87", "a man of age 87", "aged 5 to 11"
    elif (tail.unit is None and tail.kind == "count" and not tail.counted and numeral.high is None
          and not numeral.worded and numeral.low == int(numeral.low) and 0 < numeral.low < 120
          and text[numeral.end: numeral.end + 2].strip()[:1] == "," and AGE_APPOSITION_AFTER.match(text, numeral.end, limit)
          and AGE_APPOSITION_BEFORE.search(text, max(0, numeral.start - 40), numeral.start)):
        tail = _Tail(tail.end, "year", "age", unit_text=None)  # "Jane Doe, 54, was ...", "a driver, 19, who"
    if numeral.year_like and tail.kind not in ("percent", "length", "weight", "area", "volume", "money"):
        return None
    if numeral.low < 0 and (tail.unit is None or tail.kind in ("count", "duration", "age", "rate", "multiplier")):
        return None  # "-3" alone is a dash before a number more often than a negative count; "-0.5 m", "-1e-3 W" are measures
    if numeral.fraction and tail.unit is None and tail.kind == "count" and not numeral.high:
        tail = replace(tail, kind="fraction")  # "two thirds of the voters", "a quarter of"
    if numeral.signed_range and (tail.unit is None or tail.kind not in MEASURES):
        return None  # "-3-2" is a score or a record; "-5 to 5 °C" a range of temperatures
    bare = tail.unit is None and tail.kind == "count" and not numeral.currency
    if bare and numeral.dash and not numeral.worded:
        return None  # "2-4" (a record), "9 - 64" (a box score): no unit, no counted noun
    if ((bare or tail.kind == "count" and (tail.counted and tail.unit is None or _brand_before(text, numeral.start)))
            and _designated(text, numeral.start)):
        return None  # "Part 2", "Voyager 2", "Section 427", "iPhone 11 owners"
    if tail.kind == "count" and not numeral.worded and not numeral.currency and _named_designator(text, numeral.start):
        return None  # "Route 9 injured 60", "Flight 370 passengers", "Windows 10 users": the number names the thing
    part_of = (_part_of(text, tail, limit) if bare and not numeral.fraction and not (numeral.worded and numeral.low == 1)
               else None)  # not "one of the ways", an idiom far more often than a count
    if part_of is not None:
        tail = part_of  # "three of the victims", "five of its 12 stores": what the group is made of is counted
    elif (numeral.worded and tail.unit is None and tail.kind not in ("rate", "fraction") and not tail.counted
            and not (numeral.low >= 100 and numeral.high is None and " " in text[numeral.start:numeral.end].strip())):
        return None  # "one of them", "two said": words that count nothing a reader checks
    elif numeral.worded and numeral.low == 1 and tail.kind == "count":
        return None  # "one wrong glance"
    if (numeral.worded and numeral.low == 1 and tail.unit == "day" and numeral.high is None
            and SOME_DAY_BEFORE.search(text, max(0, numeral.start - 12), numeral.start)):
        return None  # "hopes to one day run", "will one day rule": someday, not a day's length
    half = (AND_A_HALF.match(text, tail.end, limit) if tail.unit is not None and tail.kind not in HALF_NOT_ADDED
            and numeral.high is None and tail.scale == 1 and not numeral.fraction else None)
    if half:  # "two hours and a half", "three miles and a half": the half is of that unit
        tail = replace(tail, end=half.end(), add=tail.add + 0.5)
    inches = (FEET_THEN_INCHES.match(text, tail.end, limit) if tail.unit == "ft" and not tail.add
              and (tail.unit_text or "").lower() in ("foot", "feet", "ft") and numeral.high is None
              and numeral.low == int(numeral.low) else None)
    if inches:  # "he stands 6 foot 2": feet, then inches unnamed
        tail = replace(tail, end=inches.end(), add=int(inches["inches"]) / 12)
    tail = _with_rate(text, tail, limit)
    stop, approx = tail.end, _approx_before(text, numeral.start) or tail.approx
    attached = APPROX_ATTACHED.match(text, stop, limit)
    if attached:
        stop, approx = attached.end(), True
    after = APPROX_AFTER.match(text, stop, limit)
    approx = approx or bool(after)
    low, high = numeral.low * tail.scale + tail.add, numeral.high * tail.scale if numeral.high is not None else None
    if not math.isfinite(low) or high is not None and not math.isfinite(high):
        return None
    start = numeral.start
    minus = (MINUS_WORD.search(text, max(0, start - 16), start)
             if high is None and low > 0 and tail.kind in ("temperature", "percent", "money") else None)
    if high is None and low > 0 and tail.kind == "temperature" and not minus and BELOW_ZERO.match(text, stop, limit):
        low = -low  # "12 degrees below zero"
    if minus:
        low, start = -low, minus.start()  # "minus 10 degrees Celsius", not "plus or minus 3 points"
    bound = _bound(text, numeral.start) or ("at least" if plus or attached or after and "more" in after[0].lower()
                                            else "about" if approx else None)
    return _make(text, start, stop, low, high, tail, approx, bound, _change(text, numeral.start, stop, limit))


AND_A_HALF = re.compile(r"\sand\sa\shalf\b(?!-)")
# The inches of a height said "6 foot 2": a number under 12 that nothing names or counts.
FEET_THEN_INCHES = re.compile(r"\s(?P<inches>1[01]|\d)(?![\d/:½¼¾]|[.,]\d|\s?(?:%|[-–]\s?\d)|\s?[A-Za-z]+s\b"
                              r"|\s?(?:in|inch|ft|foot|cm|mm|m|metre|meter|yd|yard|mile|km)\b)")
HALF_NOT_ADDED = frozenset({"count", "percent", "ratio", "rate", "multiplier", "fraction"})


# "of the", "of its", "of Coke's": a part of a group of things named after it.
PART_OF = re.compile(r"\sof\s(?:the|its|their|his|her|our|my|your|these|those|[A-Z]?[a-z]+['’]s)(?=\s)")
PART_WORD = re.compile(r"\s(?P<word>[a-z]+|\d[\d,.]*)(?![\w'’-])")


def _part_of(text: str, tail: _Tail, limit: int) -> Optional[_Tail]:
    """ "two of its largest plants", "five of the 12 stores": the plural noun among the next three
    words is what is counted."""
    of = PART_OF.match(text, tail.end, limit) if text.startswith(" of ", tail.end) else None
    position, fallback = (of.end() if of else -1), None
    for _ in range(3 if of else 0):
        word = PART_WORD.match(text, position, limit)
        if word is None or word["word"] in NOT_COUNTED:
            break
        if word["word"][0].isalpha() and word["word"] != "ones" and _is_counted(word["word"]):
            if word["word"] not in PARTICIPLES:
                return _Tail(tail.end, word["word"], "count", counted=word["word"])
            fallback = fallback or word["word"]  # "three of the injured officers" count officers
        position = word.end()
    return _Tail(tail.end, fallback, "count", counted=fallback) if fallback else None


PARTICIPLES = frozenset("dead wounded injured killed missing".split())


MINUS_WORD = re.compile(r"(?<!\bor\s)(?<!/)\bminus\s$", re.IGNORECASE)
DEGREE_SCALE = re.compile(r"\s?(?:(?P<c>C|Celsius|celsius|centigrade)|(?P<f>F|Fahrenheit|fahrenheit)|(?P<k>K|[Kk]elvins?))\b")
WEATHER = re.compile(r"\b(?:temperatures?|thermometers?|thermostat|heat(?:wave)?|hot(?:ter|test)?|outside|outdoors|cold(?:er|est)?|"
                     r"warm(?:er|est|ing)?|cool(?:er|est)?|chilly|freezing|frost|weather|forecast|fever|oven|boil\w*|"
                     r"climate|celsius|fahrenheit|minus|(?:below|above)\s(?:zero|freezing))\b", re.IGNORECASE)
BELOW_ZERO = re.compile(r"\s(?:below\s(?:zero|freezing))\b", re.IGNORECASE)  # "5 degrees below zero": -5


DEGREES_LISTED = re.compile(r"\d°?[CF]\b")  # "Madrid 38C, Seville 44C": temperatures listed
SCALE_NAMED = re.compile(r"^[^.;!?\d]*?\b(?:Celsius|centigrade|Fahrenheit)\b", re.IGNORECASE)


def _degrees(text: str, numeral: _Numeral, tail: _Tail, limit: int) -> _Tail:
    """ "100° Celsius" is a temperature; "98 degrees" is one when the sentence speaks of heat or weather."""
    scale = DEGREE_SCALE.match(text, tail.end, limit)
    if scale:
        unit = "°C" if scale["c"] else "°F" if scale["f"] else "K"
        return replace(tail, end=scale.end(), unit=unit, kind="temperature",
                       unit_text=text[tail.end - len(tail.unit_text or ""): scale.end()].strip())
    scale_named = SCALE_NAMED.match(text[tail.end: min(limit, tail.end + 40)])
    if scale_named:  # "-273.15° on the Celsius scale"
        return replace(tail, unit="°F" if scale_named[0].lower().endswith("fahrenheit") else "°C",
                       kind="temperature")
    if WEATHER.search(text, max(0, numeral.start - 80), min(limit, tail.end + 60)):
        return replace(tail, kind="temperature")
    return tail


def _currency_tail(text: str, numeral: _Numeral) -> _Tail:
    return _Tail(numeral.end, numeral.currency, "money", unit_text=numeral.currency_text)


def _word_before(text: str, position: int) -> Optional[tuple[int, str]]:
    """The word (and where it starts) that ends one space before ``position``, if one does."""
    if position < 2 or text[position - 1] != " ":
        return None
    word_start = text.rfind(" ", max(0, position - 16), position - 1) + 1
    return word_start, text[word_start: position - 1]


def _brand_before(text: str, position: int) -> bool:
    """The word before is a product's name by its shape: an inner capital after a lower-case
    first letter ("iPhone", "iOS") or capitals joined by a hyphen ("Wi-Fi"), which a title-case
    headline's words ("Storm Kills 30 People") never have."""
    before = _word_before(text, position)
    return bool(before and BRAND_WORD.fullmatch(before[1]))


BRAND_WORD = re.compile(r"[a-z]+[A-Z][A-Za-z]*|[A-Z][a-z]*-[A-Z][A-Za-z]*")


def _designated(text: str, position: int) -> bool:
    before = _word_before(text, position)
    if before is None:
        return False
    word_start, word = before
    if _designator_word(word):  # "Part 2", "S&P 500", "highway 35", "no. 1" in lower-case copy
        return True
    brand = bool(BRAND_WORD.fullmatch(word))  # "iPhone 12", "iOS 13", "Wi-Fi 6", even opening a sentence
    if not word or not (word[:1].isupper() or brand) or not word.rstrip(".").replace("-", "").isalpha():
        return False
    if word in NOT_DESIGNATORS or word.lower() in APPROX_BEFORE:
        return False
    return brand or not SENTENCE_START.search(text, max(0, word_start - 4), word_start)


def _named_designator(text: str, position: int) -> bool:
    """The word right before ``position`` is one that numbers things ("Route", "Flight", "highway")."""
    before = _word_before(text, position)
    return before is not None and _designator_word(before[1])


def _designator_word(word: str) -> bool:
    return word in DESIGNATORS or word.lower() in LOWER_DESIGNATORS


def _approx_before(text: str, position: int) -> bool:
    before = text[max(0, position - 24): position]
    if before.endswith("~"):
        return True
    words = before.lower().split()[-3:]
    return any(" ".join(words[-size:]) in APPROX_BEFORE for size in (1, 2, 3) if len(words) >= size)


def _bound(text: str, position: int) -> Optional[str]:
    """The bound the words right before a number put on it: "about", "over", "at least" ..."""
    before = text[max(0, position - 24): position]
    if before.endswith("~"):
        return "about"
    words = before.lower().split()[-3:]
    for size in (3, 2, 1):
        if len(words) >= size and " ".join(words[-size:]) in BOUNDS:
            return BOUNDS[" ".join(words[-size:])]
    return None


def _change(text: str, start: int, stop: int, limit: int) -> Optional[str]:
    """ "up" or "down" when the figure is a rise or a fall: "rose 20 percent", "a 5% drop", "+3%"."""
    if text[start: start + 1] == "+":
        return "up"
    words = _words_before(text, start, 48)
    while words and words[-1] in CHANGE_GAP:
        words.pop()
    if words and words[-1] in CHANGE_UP:
        return "up"
    if words and words[-1] in CHANGE_DOWN:
        return "down"
    after = CHANGE_AFTER.match(text, stop, limit)
    if not after:
        return None
    return "up" if after["up"] else "down"


def _words_before(text: str, position: int, chars: int) -> list[str]:
    """The lower-case words in the ``chars`` characters before ``position``, the last one whole."""
    before = text[max(0, position - chars): position]
    if not before.endswith((" ", "\u00a0")):
        return []
    return [word.strip(",;:()“”\"'") for word in before.lower().split()]


def _make(text: str, start: int, stop: int, low: float, high: Optional[float], tail: _Tail, approx: bool,
          bound: Optional[str] = None, change: Optional[str] = None) -> Quantity:
    value, low_, high_ = (low, None, None) if high is None else (None, low, high)
    return Quantity(text[start:stop], value, low_, high_, tail.unit, approx, start, stop, tail.kind, tail.per,
                    tail.unit_text, bound, change, tail.counted)


def _tail(text: str, position: int, limit: int, numeral: _Numeral) -> _Tail:
    """What the numeral counts or measures, read from the text right after it."""
    seconds = DECIMAL_SECONDS.match(text, position, limit) if text[position: position + 2].strip()[:1] == "s" else None
    if seconds and DECIMAL_END.search(text, numeral.start, position):
        return _Tail(seconds.end(), "second", "duration", unit_text="s")
    points = POINTS.match(text, position, limit)
    if points:
        return _Tail(points.end(), "bp" if points["basis"] else "pp", "percent", unit_text=points[0].strip())
    pence = PENCE.match(text, position, limit)
    if pence and _money_around(text, numeral.start, pence.end()):
        return _Tail(pence.end(), "GBX", "money", unit_text="p")
    percent = PERCENT.match(text, position, limit)
    if percent:
        return _Tail(percent.end(), "%", "percent", unit_text=percent[0].strip())
    height = FEET_PRIME.match(text, position, limit) if text[position: position + 1] in "'′’" else None
    if height and numeral.high is None and numeral.low == int(numeral.low) and 0 < numeral.low < 10:
        return _Tail(height.end(), "ft", "length", unit_text="'", add=int(height["inches"]) / 12)  # "5'10\""
    inches = INCH_MARK.match(text, position, limit) if ('"' in text[position: position + 2]
                                                         or "″" in text[position: position + 2]) else None
    if inches and (inches["spaced"] or inches["prime"] or text.count('"', max(0, position - 300), position) % 2 == 0):
        return _Tail(inches.end(), "in", "length", unit_text=inches[0].strip())  # '65" TV', not 'paid 5"' closing a quote
    hyphen = HYPHEN_UNIT.match(text, position, limit)
    if hyphen and (hyphen["unit"].lower() in UNITS or hyphen["unit"].lower() in DURATION_UNITS
                   or hyphen["unit"].lower() in CURRENCY_WORDS):
        return _hyphen_unit(hyphen)
    symbol = HYPHEN_SYMBOL.match(text, position, limit) if text[position: position + 1] == "-" else None
    if symbol and symbol["unit"] not in AMBIGUOUS_SYMBOLS:  # "a 5-km race", "the 1,500-MW plant"
        unit, kind = UNIT_SYMBOLS[symbol["unit"]]
        return _Tail(symbol.end(), unit, kind, unit_text=symbol["unit"])
    noun = HYPHEN_NOUN.match(text, position, limit) if hyphen else None
    if noun and noun["noun"] not in NOT_COUNTED and noun["noun"] not in NOT_HYPHEN_NOUNS:
        return _Tail(noun.end(), noun["noun"], "count", counted=noun["noun"])  # "a 500-page report", "two-door"
    age = AGE_AFTER.match(text, position, limit)
    if age:
        return _Tail(age.end(), "year", "age", unit_text=age[0].strip())
    attached = ATTACHED_UNIT.match(text, position, limit)
    if attached:
        written = attached["unit"]
        unit, kind = UNIT_SYMBOLS[written]
        noun = NEXT_WORD.match(text, attached.end(), limit)
        if unit == "m" and not _metres(text, numeral.start, attached.end(), limit):
            if noun and _is_counted(noun["word"]):  # "5m people" is five million
                return _counted(noun, scale=1e6)
            return _Tail(attached.end(), None, "count", scale=1e6)  # "up from 2.9m"
        if (written in ("C", "F") and _designated(text, numeral.start)
                and not WEATHER.search(text, max(0, numeral.start - 80), min(limit, attached.end() + 60))
                and len(DEGREES_LISTED.findall(text, max(0, numeral.start - 40), min(limit, attached.end() + 40))) < 2):
            return _Tail(position, None, "count")  # "a Boeing 777F", "the Model 3F": a designation, dropped as one
        return _dimensioned(text, _Tail(attached.end(), unit, kind, unit_text=written), limit)
    extra = _extra_symbol(text, position, limit, attached=True) if text[position: position + 1].isalpha() else None
    if extra is not None:  # "5mJy", "20µSv"
        return extra
    slash = PER_SLASH.match(text, position, limit)
    if slash:
        return _Tail(slash.end(), None, "rate", _per(slash["per"]))
    code = CURRENCY_AFTER.match(text, position, limit)
    if code and (code["code"] != "$" or _sign_is_before(text, code.end() + 1, limit)):
        scale = (1e6 if code["mega"] else 1.0) * (SCALES[code["scale"].lower()] if code["scale"] else 1.0)
        return _Tail(code.end(), CURRENCY_SIGNS[code["code"].lower()], "money", unit_text=code["code"], scale=scale)
    return _word_unit(text, position, limit, numeral)


# A unit multiplied by another or raised to a power after it: "20 N·m", "5 kW h" (with a power only
# when a plain space joins: "3 kg m^-3", "9.8 m s−2", "2 W m⁻²"); a negative power divides.
COMPOUND_PART = re.compile(r"(?P<join>\s?[·⋅*]\s?|\s)(?P<symbol>[^\W\d_][^\W\d_]{0,3})"
                           r"(?P<power>\^?[-−]?[1-3]|⁻?[¹²³])?(?![\w^⁻¹²³])")
TIME_SYMBOLS = {"s": "second", "h": "hour", "min": "minute", "d": "day", "yr": "year", "a": "year"}
SUPERSCRIPT_DIGITS = str.maketrans("¹²³⁻−^", "123--" + " ")


def _compound_follows(text: str, position: int, limit: int) -> bool:
    """A product of units goes on after ``position`` ("N" of "20 N·m", "m" of "9.8 m s−2")."""
    return text[position: position + 1] in COMPOUND_OPENERS and _compound_unit(
        text, _Tail(position, "m", "length"), limit).end > position


COMPOUND_OPENERS = frozenset(" ·⋅*")


def _compound_unit(text: str, tail: _Tail, limit: int) -> _Tail:
    """The rest of a unit written as a product of symbols with powers: SI notation."""
    times, per, end = [], [], tail.end
    for _ in range(3):
        part = COMPOUND_PART.match(text, end, limit)
        if part is None or part["join"].isspace() and part["power"] is None:
            break
        symbol = part["symbol"]
        name = (TIME_SYMBOLS.get(symbol) or (UNIT_SYMBOLS[symbol][0] if symbol in UNIT_SYMBOLS else None)
                or (EXTRA_SYMBOLS[symbol][0] if symbol in EXTRA_SYMBOLS else None))
        if name is None:
            break
        power = (part["power"] or "1").translate(SUPERSCRIPT_DIGITS).replace(" ", "")
        exponent = int(power) if power.lstrip("-").isdigit() else 1
        size = abs(exponent)
        if size > 1:
            name = name + str(size) if name + str(size) in UNIT_NAMES else ("square " if size == 2 else "cubic ") + unit_name(name)
        (per if exponent < 0 else times).append(name)
        end = part.end()
    if not times and not per:
        return tail
    unit = " ".join(unit_name(u) or u for u in (tail.unit, *times)) if times else tail.unit
    return replace(tail, end=end, unit=unit, kind="compound" if times else tail.kind,
                   per=" per ".join(per) if per else tail.per, unit_text=text[tail.end - len(tail.unit_text or ""): end])


def _sign_is_before(text: str, position: int, limit: int) -> bool:
    """A "$" between two numbers is the first one's when the second has a currency of its own
    ("10 $ 30 $", "10 $ 30 cents"), and leads the second otherwise ("paid 10 $ 30 for it")."""
    after = NUMERAL.match(text, position, limit)
    if after is None:
        return True
    word = NEXT_WORD.match(text, after.end(), limit)
    return bool(CURRENCY_AFTER.match(text, after.end(), limit) or word and word["word"].lower() in CURRENCY_WORDS)


def _dimensioned(text: str, tail: _Tail, limit: int) -> _Tail:
    """ "4 km^3", "4 km cubed", "20 m²": a length unit raised to an area or a volume."""
    for pattern, suffix, kind in ((CUBED, "3", "volume"), (SQUARED, "2", "area")):
        power = pattern.match(text, tail.end, limit)
        if power and tail.kind == "length" and tail.unit in ("km", "m", "cm", "mi", "ft"):
            return replace(tail, end=power.end(), unit=tail.unit + suffix, kind=kind,
                           unit_text=(tail.unit_text or "") + power[0])
    return tail


def _per_unit(found: re.Match[str]) -> str:
    """The symbol of the unit after "per" or "/", raised to its power ("m^2" -> "m2")."""
    if found["word"]:
        word = " ".join(found["word"].lower().split())
        symbol = "millisecond" if word.startswith("millisecond") else UNITS[word][0]
    else:
        symbol = "millisecond" if found["symbol"] == "ms" else UNIT_SYMBOLS[found["symbol"]][0]
    power = (found["power"] or "").translate(POWERS)
    return symbol + power if symbol + power in UNIT_NAMES else symbol


POWERS = str.maketrans({"^": None, "²": "2", "³": "3"})


def _per(word: str) -> str:
    word = word.lower()
    return PER_NAMES.get(word, word)


def _metres(text: str, start: int, stop: int, limit: int) -> bool:
    """ "5m" is five metres before a dimension ("5m high", "a 10m-wide") or as a modifier ("a 10m wall"),
    or where the sentence speaks of lengths and not of money ("outreach is 48m", "1m is 10 dm")."""
    if (DIMENSION.match(text, stop, limit) or text[max(0, start - 2): start].lower() == "a "
            or RAN_BEFORE.search(text, max(0, start - 16), start) or SIDE_AFTER.match(text, stop, limit)
            or SIDE_BEFORE.search(text, max(0, start - 12), start)):
        return True  # "a 10m wall", "5m high", "ran 100m", "a 50m x 25m pool"
    low, high = max(0, start - 80), min(limit, stop + 60)
    return bool(LENGTH_CONTEXT.search(text, low, high)) and not MONEY_AROUND.search(text, low, high)


# The sides of one size: "50m x 25m", "10m by 4m" (a product of millions is written no way).
SIDE_AFTER = re.compile(r"\s?[x×]\s?\d|\sby\s\d")
SIDE_BEFORE = re.compile(r"\dm?\s?[x×]\s?$|\dm\sby\s$")
RAN_BEFORE = re.compile(r"\b(?:ran|runs?|running|swam|swims?|swimming)\s(?:the\s|a\s)?$", re.IGNORECASE)
# Words of length around a bare "48m", and of money that make it "48 million" all the same.
LENGTH_CONTEXT = re.compile(r"\b(?:length|height|width|depth|distance|reach|outreach|span|radius|diameter|altitude|"
                            r"elevation|tall|long|wide|deep|metres?|meters?|feet|foot|inch(?:es)?|miles?|yards?|sprint\w*|hurdles|"
                            r"relay|freestyle|breaststroke|backstroke|butterfly|medley|races?|raced|swam|swim)\b"
                            r"|\d\s?(?:km|cm|mm|dm)\b", re.IGNORECASE)
MONEY_AROUND = re.compile(r"[$€£¥₹]|\b(?:USD|EUR|GBP|dollars?|euros?|pounds?|budget|cost\w*|pric\w+|revenue|"
                          r"profit|sales|worth|paid|fund\w*|people|users|viewers|subscribers|population|votes)\b",
                          re.IGNORECASE)


def _hyphen_unit(hyphen: re.Match[str]) -> _Tail:
    word = hyphen["unit"].lower()
    if word in DURATION_UNITS:
        return _Tail(hyphen.end(), DURATION_UNITS[word], "age" if hyphen["old"] else "duration", unit_text=word)
    if word in CURRENCY_WORDS:
        return _Tail(hyphen.end(), CURRENCY_WORDS[word], "money", unit_text=word)  # "a 12-cent dividend"
    unit, kind = UNITS[word]
    inches = FEET_INCHES.match(hyphen.string, hyphen.end()) if unit == "ft" else None
    if inches and int(inches["inches"]) < 12:  # "the 6-foot-5 forward"
        return _Tail(inches.end(), unit, kind, unit_text=word, add=int(inches["inches"]) / 12)
    return _Tail(hyphen.end(), unit, kind, unit_text=word)


FEET_INCHES = re.compile(r"-(?P<inches>\d{1,2})(?![\d-])")


def _word_unit(text: str, position: int, limit: int, numeral: _Numeral) -> _Tail:
    """A unit, currency, duration or counted noun in the next words (one modifier may come first)."""
    spelled = SPACED_UNIT_WORD.match(text, position, limit)
    if spelled:
        longer = (_extra_name(text, position, limit) if spelled["unit"].lower() in LONGER_NAME_HEADS else None)
        if longer is not None and longer.end > spelled.end() and _whole_name(longer.unit_text or ""):
            return longer  # "400 newton-metres", "120 millimetres of mercury"
        return _spelled_unit(text, spelled, limit, numeral)
    symbol = SPACED_UNIT_SYMBOL.match(text, position, limit)
    if symbol and (symbol["unit"] not in AMBIGUOUS_SYMBOLS or CLAUSE_END.match(text, symbol.end(), limit)
                   or symbol["unit"] in MEASURED_OF and OF_AFTER.match(text, symbol.end(), limit)
                   or SIZE_AFTER.match(text, symbol.end(), limit) or PER_UNIT.match(text, symbol.end(), limit)
                   or PER_SLASH.match(text, symbol.end(), limit) or PER_PERIOD.match(text, symbol.end(), limit)
                   or symbol["unit"] != "in" and _measure_named(text, numeral.start, UNIT_SYMBOLS[symbol["unit"]][1])
                   or _measure_follows(text, symbol.end(), limit, UNIT_SYMBOLS[symbol["unit"]][1])
                   or symbol["unit"] in ("C", "F") and WEATHER.search(text, max(0, position - 80), symbol.end() + 60)
                   or symbol["unit"] in ("Ma", "Ga") and AGO.match(text, symbol.end(), limit)
                   or _compound_follows(text, symbol.end(), limit)
                   or symbol["unit"] in MODIFIER_SYMBOLS and _modifies(text, numeral.start, symbol.end(), limit)):
        unit, kind = UNIT_SYMBOLS[symbol["unit"]]
        return _dimensioned(text, _Tail(symbol.end(), unit, kind, unit_text=symbol["unit"]), limit)
    first = NEXT_WORD.match(text, position, limit)
    head = first["word"] if first else None
    if head is None or head.lower() in EXTRA_FIRST_WORDS or head in EXTRA_SYMBOL_HEADS:
        extra = _extra_name(text, position, limit) or _extra_symbol(text, position, limit, attached=False,
                                                                     opening=numeral.start)
        if extra is not None:  # "12 teslas", "3 megajoules", "40 µSv": the wider vocabulary
            return extra
    degree = LOWER_DEGREE.match(text, position, limit)
    if degree and (WEATHER.search(text, max(0, position - 80), degree.end() + 60)
                   or CONVERT.search(text, max(0, position - 40), degree.end() + 30)):
        return _Tail(degree.end(), "°C" if degree["unit"] == "c" else "°F", "temperature", unit_text=degree["unit"])
    bracketed = BRACKETED_UNIT.match(text, position, limit) if text[position: position + 2].strip()[:1] in ("(", "[", "<") \
        else None
    if bracketed:  # "20 (kg)", "20 [kg]"
        unit, kind = UNIT_SYMBOLS.get(bracketed["unit"]) or UNITS[bracketed["unit"].lower()]
        return _Tail(bracketed.end(), unit, kind, unit_text=bracketed["unit"])
    if not first:
        return _Tail(position, None, "count")
    direct = _unit_word(text, first, limit, numeral)
    second = NEXT_WORD.match(text, first.end(), limit)
    if direct is not None and direct.unit is None and direct.counted and second and _is_counted(second["word"]) \
            and not second["word"][:1].isupper():
        return _counted(second)  # "seven Ravens players" count players
    if direct is not None:
        return direct
    word = first["word"].lower()
    national = _national_currency(text, first, second, limit) if second else None
    if national is not None:
        return national
    if second and word not in NOT_COUNTED and word not in VAGUE_QUANTIFIERS and not word.endswith("ly"):
        behind = _unit_word(text, second, limit, numeral)  # "21 grueling months", "200 Russian soldiers"
        if behind is not None:
            return behind
    return _Tail(position, None, "count")


# Words that are counts of their own, never a modifier between a number and its noun: "a new one
# several weeks ago" is no "one week", "the two many times over" no count of times.
VAGUE_QUANTIFIERS = frozenset({"several", "many", "few", "numerous", "countless"})


# Unsure symbols that, between an article and a noun, are the unit of a size: "a 60 W bulb", "a 125
# cc scooter", "a 500 g bag" (not "m", "a 5 m people" being millions, nor letters that grade or name).
MODIFIER_SYMBOLS = frozenset({"W", "V", "cc", "g", "l", "L", "J", "N", "bar", "Ah", "MV", "kn", "kt", "lm", "qt"})
ARTICLE_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s$")


def _modifies(text: str, start: int, stop: int, limit: int) -> bool:
    """The number and unit stand between an article and a singular noun ("a 60 W bulb")."""
    noun = NEXT_WORD.match(text, stop, limit)
    return bool(noun and noun["word"].isalpha() and noun["word"].islower() and noun["word"] not in NOT_COUNTED
                and not _is_counted(noun["word"]) and ARTICLE_BEFORE.search(text, max(0, start - 6), start))


def _national_currency(text: str, first: re.Match[str], second: re.Match[str], limit: int) -> Optional[_Tail]:
    """ "australian dollars", "Egyptian pounds", "South Korean won", "hong kong dollars": a nationality
    (one or two words) and a currency word, the country's currency."""
    third = NEXT_WORD.match(text, second.end(), limit)
    nation = f"{first['word'].lower()} {second['word'].lower()}"
    for nation, noun in ((nation, third), (first["word"].lower(), second)):
        if noun is None:
            continue
        word = noun["word"].lower()
        lemma = CURRENCY_NOUNS[word][0] if word in CURRENCY_NOUNS else NATION_ONLY_NOUNS.get(word)
        if lemma is not None and (nation, lemma) in CURRENCY_NATIONS:
            return _Tail(noun.end(), CURRENCY_NATIONS[(nation, lemma)], "money",
                         unit_text=text[first.start("word"): noun.end()])
    return None


# A token that may be a symbol of the wider vocabulary ("mJy", "µSv", "fb-1"), and up to five words
# that may spell one of its names ("standard cubic feet per minute").
EXTRA_TOKEN = re.compile(r"[^\W\d_][^\s,;:!?()\[\]{}\"“”/]*")
EXTRA_WORDS = re.compile(r"[a-zµμå][\w'’-]*(?:\s[A-Za-zµμåÅ][\w'’-]*){0,4}")
_WORD_SPLIT = re.compile(r"\s")


def _extra_symbol(text: str, position: int, limit: int, attached: bool, opening: Optional[int] = None) -> Optional[_Tail]:
    """A symbol of the wider vocabulary (:data:`EXTRA_SYMBOLS`) right after the digits or one space
    after them; an ambiguous one ("mA", "cd") only where a unit ends ("3 cd.", "2 Wb per turn")."""
    start = position if attached else position + 1
    if not attached and text[position: start] != " " or start >= limit:
        return None
    token = EXTRA_TOKEN.match(text, start, limit)
    if token is None:
        return None
    written = token[0]
    if written not in EXTRA_SYMBOLS and written.endswith("."):
        written = written[:-1]  # the sentence's full stop
    if written not in EXTRA_SYMBOLS:
        return None
    end = start + len(written)
    if written in EXTRA_AMBIGUOUS and attached:
        return None  # "802.11ac", "5cd": a code more often than an acre or a candela
    if written in EXTRA_AMBIGUOUS and not (CLAUSE_END.match(text, end, limit) or SIZE_AFTER.match(text, end, limit)
                                           or PER_UNIT.match(text, end, limit) or PER_SLASH.match(text, end, limit)
                                           or PER_PERIOD.match(text, end, limit) or _compound_follows(text, end, limit)
                                           or opening is not None and _measure_named(text, opening, EXTRA_SYMBOLS[written][1])):
        return None
    unit, kind = EXTRA_SYMBOLS[written]
    return _Tail(end, unit, kind, unit_text=written)


def _extra_name(text: str, position: int, limit: int) -> Optional[_Tail]:
    """A unit name of the wider vocabulary (:data:`EXTRA_NAMES`), written in lower case, the longest
    of the next words that spells one ("8 teslas", "2 cubic feet per second")."""
    if text[position: position + 1] != " ":
        return None
    words = EXTRA_WORDS.match(text, position + 1, limit)
    if words is None:
        return None
    phrase = words[0]
    cuts = [m.start() for m in _WORD_SPLIT.finditer(phrase)] + [len(phrase)]
    for cut in reversed(cuts):
        key = phrase[:cut].lower().rstrip("'’")
        if key in EXTRA_NAMES:
            unit, kind = EXTRA_NAMES[key]
            return _Tail(position + 1 + cut, unit, kind, unit_text=phrase[:cut])
    return None


AGO = re.compile(r"\sago\b")  # "66 Ma ago": megayears
# A lower-case "c" or "f" after a number is a temperature where heat or a conversion is spoken of
# ("it's 70 f outside", "convert 40 c to f"), not in "4 c grades" or "section 4 f".
LOWER_DEGREE = re.compile(r"\s(?P<unit>[cf])\b(?![.'’]\w)")
CONVERT = re.compile(r"\bconvert\w*\b|\bto\s(?:[cf]|celsius|fahrenheit)\b", re.IGNORECASE)


def _spelled_unit(text: str, found: re.Match[str], limit: int, numeral: _Numeral) -> _Tail:
    written = found["unit"]
    unit, kind = UNITS[" ".join(written.lower().split())]
    if unit == "lb" and _money_pounds(text, numeral, found.end()):
        return _Tail(found.end(), "GBP", "money", unit_text=written)
    return _dimensioned(text, _Tail(found.end(), unit, kind, unit_text=written), limit)


def _money_around(text: str, start: int, stop: int) -> bool:
    window = text[max(0, start - 60): stop + 40]
    return bool(MONEY_CONTEXT.search(window) or SHARE_CONTEXT.search(window))


SHARE_CONTEXT = re.compile(r"\b(?:shares?|stock|pence|FTSE|closed|trading|dividend|litre|pint|stamp)\b", re.IGNORECASE)


def _money_pounds(text: str, numeral: _Numeral, stop: int) -> bool:
    """ "361 million pounds" and "paid 50 pounds" are sterling; "132 pounds" alone is a weight."""
    window = text[max(0, numeral.start - 60): stop + 40]
    if numeral.end > numeral.start and re.search(r"(?:million|billion|bn|thousand|m)\s?$", text[numeral.start:stop - 6],
                                                 re.IGNORECASE):
        return not (OF_AFTER.match(text, stop) and not MONEY_CONTEXT.search(window))  # not "2 million pounds of thrust"
    return bool(MONEY_CONTEXT.search(window)) and not re.search(r"\bweigh|\bheav|\blighter\b|\bkilo", window, re.I)


def _unit_word(text: str, found: re.Match[str], limit: int, numeral: _Numeral) -> Optional[_Tail]:
    word = found["word"].lower().strip("’'")
    if word in DURATION_UNITS or found["word"] in SHORT_DURATIONS:
        old = AGE_AFTER.match(text, found.end(), limit) or re.compile(r"\s(?:old|of\sage)\b").match(text, found.end(),
                                                                                                  limit)
        kind = "age" if old else "duration"
        return _Tail(old.end() if old else found.end(), DURATION_UNITS.get(word) or SHORT_DURATIONS[word], kind,
                     unit_text=found["word"])
    if word in CURRENCY_WORDS:
        return _money_word(text, found, limit)
    if word in SCALED_CURRENCY_WORDS and SCALED_BEFORE.search(text, numeral.start, found.start()):
        return _Tail(found.end(), SCALED_CURRENCY_WORDS[word], "money", unit_text=found["word"])  # "500 billion won"
    if word == "times" and RATE_AFTER.match(text, found.end(), limit):
        return _Tail(found.end(), None, "count", unit_text=None, counted="times")  # "four times per week"
    if found["word"] == "times":  # "three times as many", "100 times more", "stabbed seven times": a multiplier
        return _Tail(found.end(), "times", "multiplier", unit_text="times", counted="times")
    if _is_counted(found["word"]):
        return _counted(found)
    return None


SCALED_BEFORE = re.compile(r"(?i:million|billion|trillion|bn|mn)|\d,\d{3}")


def _money_word(text: str, found: re.Match[str], limit: int) -> _Tail:
    """ "20 billion francs", "125 million australian dollars" (a nationality before is kept in the text)."""
    word = found["word"].lower().strip("’'")  # "ten dollars' worth"
    unit = CURRENCY_WORDS[word]
    cents = HUNDREDTHS_AFTER.match(found.string, found.end(), limit)
    if cents and len(unit) == 3 and unit.isupper():  # "20 euro cents": a hundredth of the euro
        return _Tail(cents.end(), unit, "money", scale=0.01, unit_text=found.string[found.start("word"): cents.end()])
    return _Tail(found.end(), unit, "money", unit_text=found["word"])


HUNDREDTHS_AFTER = re.compile(r"\s(?:cents?|centimes?|kopecks?)\b", re.IGNORECASE)


def _counted(found: re.Match[str], scale: float = 1.0) -> _Tail:
    """A counted noun: its lower case is the unit, unless capitalised ("seven Ravens" count a team, not ravens)."""
    word = found["word"].strip("’'")
    if word[:1].isupper() and not word.isupper() and word.lower() not in COUNT_NOUNS:
        return _Tail(found.end(), None, "count", scale=scale, counted=word)
    return _Tail(found.end(), word.lower(), "count", scale=scale, counted=word)


IRREGULAR_PLURAL = re.compile(r"(?:children|people|women|[srenyk]men)$")


def _is_counted(word: str) -> bool:
    """A plural noun (or a count word such as "dead") that a number right before it counts."""
    word = word.lower().strip("’'")
    if word in COUNT_NOUNS:
        return True
    if "-" in word and word.rpartition("-")[2].isalpha():  # "great-grandchildren", "part-timers"
        word = word.rpartition("-")[2]
    if word in NOT_COUNTED or not word.isalpha():
        return False
    if IRREGULAR_PLURAL.search(word):  # "grandchildren", "firemen", "townspeople"
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def _with_rate(text: str, tail: _Tail, limit: int) -> _Tail:
    if tail.kind in ("rate", "duration", "age", "ratio"):
        return tail
    slash = PER_SLASH.match(text, tail.end, limit)
    rate = slash or RATE_AFTER.match(text, tail.end, limit)
    divided = PER_UNIT.match(text, tail.end, limit) if not rate and tail.kind in MEASURES else None
    if divided:  # "20 J/m^2", and "20 J/m^2 per year"
        period = RATE_AFTER.match(text, divided.end(), limit)
        if period and period["per"] and _per(period["per"]) in TIME_PER:
            return replace(tail, end=period.end(), per=f"{_per_unit(divided)} per {_per(period['per'])}")
        return replace(tail, end=divided.end(), per=_per_unit(divided))
    if not rate and tail.kind == "money":
        thing = PER_THING.match(text, tail.end, limit)
        if thing and thing["thing"].lower() not in NOT_COUNTED:  # "$85 per ticket", "£30 per head of cattle"
            return replace(tail, end=thing.end(), per=thing["thing"].lower())
    if not rate:
        of = RATE_OF.match(text, tail.end, limit) if tail.unit is not None else None
        return replace(tail, kind="rate", per=of["per"].lower()) if of else tail
    per = _per(rate["per"]) if rate["per"] else PERIODS.get(rate["adverb"].lower(), "year")
    if per == "hour" and tail.unit in ("mi", "km"):  # "188 miles an hour"
        return replace(tail, end=rate.end(), unit="mph" if tail.unit == "mi" else "km/h", kind="speed")
    if per not in TIME_PER:  # "$70 a share", "$350 per kg": a price per thing, still money
        return replace(tail, end=rate.end(), per=per)
    return replace(tail, end=rate.end(), kind="rate", per=per)


# Spelled units that follow "thousands of", "millions of" as a measure ("thousands of miles",
# "millions of tonnes"); a unit's plural only, as the phrase writes it. Not "pounds" (money as
# often as weight) or "degrees" (a university's as often as a thermometer's).
VAGUE_MEASURES = frozenset(word for word in ("miles", "kilometres", "kilometers", "metres", "meters", "feet", "acres",
                                             "hectares", "tonnes", "tons", "gallons", "litres", "liters", "barrels",
                                             "kilograms", "kilos")
                           if word in UNITS)


def _vague(text: str, match: re.Match[str], limit: int) -> Iterator[Quantity]:
    """ "hundreds of volunteers", "tens of thousands of people", "millions of dollars"."""
    low, high = VAGUE_BOUNDS[" ".join(match["vague"].lower().split())]
    of = OF.match(text, match.end(), limit)
    if not of:
        return
    noun = NEXT_WORD.match(text, of.end(), limit)
    unit_noun = noun and NEXT_WORD.match(text, noun.end(), limit)
    for candidate in (noun, unit_noun):
        if candidate is None:
            break
        word = candidate["word"].lower()
        if word in CURRENCY_WORDS:
            tail = _Tail(candidate.end(), CURRENCY_WORDS[word], "money", unit_text=candidate["word"])
            yield _make(text, match.start(), candidate.end(), low, high, tail, True, "about")
            return
        if candidate is noun and (word in DURATION_UNITS or word in VAGUE_MEASURES):
            # "billions of years", "thousands of miles": a span or a measure, in the unit's own name
            unit, kind = (DURATION_UNITS[word], "duration") if word in DURATION_UNITS else UNITS[word]
            tail = _Tail(candidate.end(), unit, kind, unit_text=candidate["word"])
            yield _make(text, match.start(), candidate.end(), low, high, tail, True, "about")
            return
        if _is_counted(word):
            tail = _Tail(candidate.end(), word, "count", counted=candidate["word"])
            yield _make(text, match.start(), candidate.end(), low, high, tail, True, "about")
            return
