"""Documents made from a plan (the plan as PDF): pure rendering to bytes, no I/O."""
