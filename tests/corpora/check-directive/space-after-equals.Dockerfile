# check=skip= JSONArgsRecommended
FROM busybox:1.36 AS Build
CMD echo hi
