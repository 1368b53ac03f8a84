# check=skip=JSONArgsRecommended;error=true;experimental=all;skip=StageNameCasing
FROM busybox:1.36 AS Build
CMD echo hi
