# check=skip=all;experimental=all
# does things
FROM busybox:1.36 AS build
CMD echo hi
