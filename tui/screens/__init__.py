"""The screens of the app: the main session console and the screens around it."""
