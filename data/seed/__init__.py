"""Generated sample ledgers: the demo behind `daicho --demo` and the large one of DESIGN §9."""
