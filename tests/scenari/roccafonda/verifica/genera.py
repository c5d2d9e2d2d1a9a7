import openpyxl, csv
from openpyxl.styles import Font
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Personale"
ws.append(["Matricola", "Cognome e nome", "Servizio", "Incarico EQ"])
staff = [("0012","Galli Marta","Ragioneria",""),("0027","Fumagalli Piero","Ragioneria",""),("0031","Colombo Ilaria","Ragioneria","SI"),
         ("0040","Brambilla Luca","Tecnico",""),("0041","Riva Sara","Tecnico",""),("0052","Sala Giorgio","Tecnico","SI"),
         ("0060","Mauri Elena","Segreteria","")]
for r in staff: ws.append(list(r))
wb.save("ufficio/dipendenti_2025.xlsx")
wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Obiettivi 2025"
ws["A1"] = "COMUNE DI ROCCAFONDA - PIANO ESECUTIVO DI GESTIONE 2025 - CONSUNTIVO"; ws["A1"].font = Font(bold=True)
ws.merge_cells("A1:G1")
ws.append([])
ws.append(["Cod. obiettivo", "Descrizione", "Servizio", "Peso %", "Target", "Consuntivo", "Stato"])
peg = [("RAG-01","Pagamenti entro 30 giorni","Ragioneria",40,30,28,"Confermato"),
       ("RAG-02","Riscossione coattiva TARI","Ragioneria",35,500,410,"Confermato"),
       ("RAG-03","Nuovo software contabile","Ragioneria",20,1,0,"Stralciato"),
       ("RAG-04","Inventario beni mobili","Ragioneria",25,200,110,"Confermato"),
       ("TEC-01","Manutenzione strade comunali","Tecnico",60,12,12,"Confermato"),
       ("TEC-02","Pratiche edilizie entro 60 giorni","Tecnico",40,150,138,"Confermato"),
       ("SEG-01","Digitalizzazione delibere","Segreteria",100,400,356,"Confermato")]
for r in peg: ws.append(list(r))
ws.append([])
wb.save("ufficio/peg_2025.xlsx")
with open("ufficio/obiettivi_individuali_EQ.csv","w",newline="",encoding="utf-8") as f:
    f.write("Matricola;Codice;Descrizione;Peso;Grado raggiunto\r\n")
    for r in [("0031","EQ-RAG-A","Bilancio consolidato entro il 30/09","60","100%"),
              ("0031","EQ-RAG-B","Formazione del personale di ragioneria","40","55%"),
              ("0052","EQ-TEC-A","Progetto PNRR scuola","70","90%"),
              ("0052","EQ-TEC-B","Piano della sicurezza","30","100%")]:
        f.write(";".join(r)+"\r\n")
