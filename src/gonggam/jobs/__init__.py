"""Background work: periodic passes run by `gonggam worker`."""
