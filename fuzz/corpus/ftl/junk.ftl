a = ok

b = { broken

# note
c = fine
-term = x
    .attr = y
## group
