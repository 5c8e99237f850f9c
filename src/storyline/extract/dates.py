"""Written dates: month names and the patterns of dates in lower-cased text ("june 23, 2023", "23 june 2023",
"2023-06-23"), with a space allowed before a stop or a comma ("oct . 21 , 2011": text rebuilt from tokens). Shared by the time tagger (``timex.py``) and the report-date inference of ingest, which must
stay light: nothing here needs spaCy."""

from __future__ import annotations

import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# named groups "month" and "year", for building patterns
MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s?\.)?"
YEAR = r"(?P<year>(?:1[6-9]|2[0-9])\d\d)"
MONTH_DAY = re.compile(rf"\b{MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s?,?\s+{YEAR}\b)?")
DAY_MONTH = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:\s?,?\s+{YEAR}\b)?")
ISO_DATE = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)-(?P<day>\d\d)\b")
