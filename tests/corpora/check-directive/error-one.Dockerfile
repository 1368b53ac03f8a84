# check=error=1
FROM busybox:1.36 AS Build
CMD echo hi
