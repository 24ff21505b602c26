"""Resolution of what mentions refer to: periods to intervals, "the city" to a place."""
