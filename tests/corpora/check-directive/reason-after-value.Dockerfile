# check=skip=JSONArgsRecommended // the command is a shell one-liner on purpose
FROM busybox:1.36 AS Build
CMD echo hi
