FROM busybox:1.36 AS Build
# check=skip=JSONArgsRecommended

CMD echo hi
