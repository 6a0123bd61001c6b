"""The youth's interview: start, here-and-now, WIE, WAT, HOE and the overview."""
