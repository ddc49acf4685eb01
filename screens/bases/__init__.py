"""What several screens are built on: the Daicho screen and modal, forms, details, prompts."""
