"""What the plan's data says as at a date: metric series, statuses, wording, changes."""
