"""One widget per file: each renders the state it is given and posts messages up."""
