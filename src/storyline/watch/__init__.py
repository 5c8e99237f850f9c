"""Following a story over HTTP: fetching feeds and articles, re-check schedules, alerts."""
