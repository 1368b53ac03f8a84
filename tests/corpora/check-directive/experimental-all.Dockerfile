# check=experimental=all
# does things
FROM busybox:1.36 AS build
CMD ["x"]
