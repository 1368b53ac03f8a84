# check=skip=JSONArgsRecommended;skip=StageNameCasing
FROM busybox:1.36 AS Build
CMD echo hi
