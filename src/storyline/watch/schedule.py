"""When to check a feed or an article again.

An article that changed recently is likely to change again soon, so it is checked often; one that has
been quiet for a while less and less. Failed checks back off, doubling per consecutive failure up to a
day (or the base interval, when that is longer). All arithmetic is on total seconds.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

MINUTE = 60.0
HOUR = 60 * MINUTE
DAY = 24 * HOUR
FEED_INTERVAL = 15 * MINUTE  # feeds are where new articles appear: checked every 15 minutes
TIERS = (  # (seconds since the last change below which, check every so many seconds)
    (3 * HOUR, 15 * MINUTE),
    (DAY, HOUR),
    (7 * DAY, 4 * HOUR),
    (30 * DAY, 12 * HOUR),
)
QUIET_INTERVAL = 3 * DAY  # a month or more without a change
BACKOFF_CAP = DAY  # failures never push the next check further than this (unless the base is longer)
_MAX_DOUBLINGS = 32  # 2**32 times any base is far past the cap; keeps the power small


def check_interval(since_change: float, failures: int = 0) -> float:
    """Seconds until the next check of an article that last changed (or was first seen) ``since_change``
    seconds ago, after ``failures`` consecutive failed checks."""
    base = next((interval for limit, interval in TIERS if since_change < limit), QUIET_INTERVAL)
    if failures <= 0:
        return base
    return max(base, min(base * 2 ** min(failures, _MAX_DOUBLINGS), BACKOFF_CAP))


def next_check(now: datetime, last_changed: datetime, failures: int = 0) -> datetime:
    """When to check an article next. Naive datetimes (as SQLite returns them) are taken as UTC; the
    result is timezone-aware."""
    now, last_changed = _aware(now), _aware(last_changed)
    since = (now - last_changed).total_seconds()
    return now + timedelta(seconds=check_interval(since, failures))


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def describe_interval(seconds: float) -> str:
    """A short phrase for an interval: "every 15 min", "hourly", "every 4 h", "every 3 days"."""
    if seconds < HOUR:
        minutes = max(1, round(seconds / MINUTE))
        return "every minute" if minutes == 1 else f"every {minutes} min"
    if seconds < DAY:
        hours = round(seconds / HOUR)
        return "hourly" if hours == 1 else f"every {hours} h"
    days = round(seconds / DAY)
    return "daily" if days == 1 else f"every {days} days"
