FROM busybox:1.36 AS Build
# check=skip=all
CMD echo hi
