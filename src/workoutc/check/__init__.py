"""The checker: the athlete's configuration, training knowledge, the rules and their runner."""
