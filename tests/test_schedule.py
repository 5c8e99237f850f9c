from datetime import datetime, timedelta, timezone

import pytest

from storyline.watch.schedule import (
    FEED_INTERVAL,
    check_interval,
    describe_interval,
    next_check,
)

MIN, HOUR, DAY = 60, 3600, 86400


@pytest.mark.parametrize("since, interval", [
    (0, 15 * MIN),
    (-5 * MIN, 15 * MIN),  # a change stamped slightly in the future (clock skew) is a fresh change
    (90 * MIN, 15 * MIN),
    (3 * HOUR - 1, 15 * MIN),
    (3 * HOUR, HOUR),
    (12 * HOUR, HOUR),
    (DAY - 1, HOUR),
    (DAY, 4 * HOUR),
    (3 * DAY, 4 * HOUR),
    (7 * DAY, 12 * HOUR),
    (20 * DAY, 12 * HOUR),
    (30 * DAY - 1, 12 * HOUR),
    (30 * DAY, 3 * DAY),
    (400 * DAY, 3 * DAY),
])
def test_interval_grows_with_time_since_the_last_change(since, interval):
    assert check_interval(since) == interval


def test_failures_double_up_to_a_day():
    assert [check_interval(0, n) for n in range(8)] == [
        15 * MIN, 30 * MIN, HOUR, 2 * HOUR, 4 * HOUR, 8 * HOUR, 16 * HOUR, DAY]
    assert check_interval(0, 1000) == DAY
    assert check_interval(10 * DAY, 5) == DAY


def test_backoff_never_shortens_a_long_base_interval():
    assert check_interval(60 * DAY, 3) == 3 * DAY


def test_next_check_uses_total_seconds_across_days():
    now = datetime(2025, 3, 20, 12, 0, tzinfo=timezone.utc)
    # 2 days and 1 hour since the change: timedelta.seconds would say 1 hour and pick the 15-minute tier
    assert next_check(now, now - timedelta(days=2, hours=1)) == now + timedelta(hours=4)


def test_next_check_with_different_time_zones():
    now = datetime(2025, 3, 14, 12, 0, tzinfo=timezone.utc)
    changed = datetime(2025, 3, 14, 10, 0, tzinfo=timezone(timedelta(hours=-5)))  # 15:00 UTC: ahead of now
    assert next_check(now, changed) == now + timedelta(minutes=15)
    east = datetime(2025, 3, 14, 10, 0, tzinfo=timezone(timedelta(hours=5)))  # 05:00 UTC, 7 h ago
    assert next_check(now, east) == now + timedelta(hours=1)
    assert next_check(now, east, failures=2) == now + timedelta(hours=4)


def test_naive_datetimes_are_utc():
    now = datetime(2025, 3, 14, 12, 0)
    result = next_check(now, datetime(2025, 3, 14, 11, 0, tzinfo=timezone.utc))
    assert result == datetime(2025, 3, 14, 12, 15, tzinfo=timezone.utc)
    assert result.tzinfo is not None


@pytest.mark.parametrize("seconds, text", [
    (FEED_INTERVAL, "every 15 min"), (HOUR, "hourly"), (4 * HOUR, "every 4 h"), (12 * HOUR, "every 12 h"),
    (DAY, "daily"), (3 * DAY, "every 3 days"), (30, "every minute"),
])
def test_describe_interval(seconds, text):
    assert describe_interval(seconds) == text
