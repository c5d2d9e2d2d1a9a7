from fractions import Fraction as F
import openpyxl, csv, sys
from decimal import Decimal, ROUND_HALF_UP
def grado(c, t):
    r = F(c)/F(t)
    if r < F(60,100): return F(0)
    return min(F(1), r)
peg=[r for r in openpyxl.load_workbook(sys.argv[1] if len(sys.argv) > 1 else "ufficio/peg_2025.xlsx").active.iter_rows(min_row=4, values_only=True) if r[0]]
peg=[r for r in peg if r[6]=="Confermato"]
staff=[r for r in openpyxl.load_workbook("ufficio/dipendenti_2025.xlsx").active.iter_rows(min_row=2, values_only=True)]
ind=list(csv.reader(open("ufficio/obiettivi_individuali_EQ.csv",encoding="utf-8"),delimiter=";"))[1:]
def r2(x): return Decimal(x.numerator)/Decimal(x.denominator)
print("matricola;nominativo;profilo;stato;totale;fascia;premio")
for m,n,s,eq in staff:
    objs=[(F(p),grado(c,t)) for (_,_,sv,p,t,c,_) in peg if sv==s]
    sett = sum(w*g for w,g in objs)/sum(w for w,_ in objs)
    if eq=="SI":
        io=[(F(p),F(g.rstrip('%'))/100) for (mm,_,_,p,g) in ind if mm==m]
        indiv=sum(w*g for w,g in io)/sum(w for w,_ in io)
        tot = 50*sett + 50*indiv; base=2000; prof="eq"
    else:
        tot = 100*sett; base=1200; prof="dipendente"
    t=Decimal(tot.numerator)/Decimal(tot.denominator); t=t.quantize(Decimal("0.01"),ROUND_HALF_UP)
    fas,pc = ("Piena",1) if t>=90 else ("Parziale",F(7,10)) if t>=(int(sys.argv[2]) if len(sys.argv) > 2 else 70) else ("Nessuna",0)
    pr=(Decimal(base)*Decimal(pc.numerator if pc else 0)/Decimal(pc.denominator if pc else 1)).quantize(Decimal("0.01"))
    print(f"{m};{n};{prof};valutato;{str(t).replace('.',',')};{fas};{str(pr).replace('.',',')}")
