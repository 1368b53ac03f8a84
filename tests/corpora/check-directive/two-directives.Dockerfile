# check=skip=JSONArgsRecommended
# check=error=true
FROM busybox:1.36 AS Build
CMD echo hi
