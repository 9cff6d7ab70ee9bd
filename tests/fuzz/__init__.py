"""The write API's stateful fuzz test (issue 12)."""
