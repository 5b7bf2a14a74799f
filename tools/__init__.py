"""Developer tools: generators (`make fit-profile`, `make golden`) and the FIT dump the tests share."""
