from fractions import Fraction as F
import math
# service: 105 hired 04/11/2024 -> 58 days (<90) not evaluated; 103 n.v.
p={"101":F(925,10),"102":F(88),"104":F(95),"106":F(7125,100),"107":F(64),"108":F(90)}
band=lambda t:(("A",F(1)) if t>=90 else ("B",F(7,10)) if t>=70 else ("C",F(0)))
n=len(p); fund=400*n
q={m:t*band(t)[1] for m,t in p.items()}; S=sum(q.values())
ex={m:fund*q[m]/S for m in p}; tr={m:F(math.floor(ex[m]*100),100) for m in p}
left=int((fund-sum(tr.values()))*100)
for m in sorted(p,key=lambda m:(-(ex[m]-tr[m]),int(m)))[:left]: tr[m]+=F(1,100)
A=sum(1 for t in p.values() if t>=90); seg=min(F(2000),500*A)
print("fondo",fund,"A",A,"segretario",float(seg))
for m in p: print(m, float(p[m]), band(p[m])[0], "%.2f"%float(tr[m]))
