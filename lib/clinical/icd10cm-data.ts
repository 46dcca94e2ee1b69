// A compact subset of ICD-10-CM (public domain, U.S. CDC/NCHS): common codes across the chapters a
// general hospital uses daily. One "CODE|Description" per line; lib/clinical/icd10cm.ts indexes it.
export const ICD10CM_DATA = `A00.9|Cholera, unspecified
A01.00|Typhoid fever, unspecified
A01.01|Typhoid meningitis
A02.0|Salmonella enteritis
A03.9|Shigellosis, unspecified
A04.7|Enterocolitis due to Clostridium difficile
A04.9|Bacterial intestinal infection, unspecified
A06.0|Acute amebic dysentery
A07.1|Giardiasis [lambliasis]
A08.4|Viral intestinal infection, unspecified
A09|Infectious gastroenteritis and colitis, unspecified
A15.0|Tuberculosis of lung
A15.9|Respiratory tuberculosis unspecified
A16.9|Respiratory tuberculosis unspecified, without mention of bacteriological or histological confirmation
A18.01|Tuberculosis of spine
A27.9|Leptospirosis, unspecified
A30.9|Leprosy, unspecified
A33|Tetanus neonatorum
A35|Other tetanus
A37.90|Whooping cough, unspecified species without pneumonia
A38.9|Scarlet fever, uncomplicated
A39.0|Meningococcal meningitis
A40.9|Streptococcal sepsis, unspecified
A41.9|Sepsis, unspecified organism
A41.51|Sepsis due to Escherichia coli [E. coli]
A46|Erysipelas
A49.9|Bacterial infection, unspecified
A51.0|Primary genital syphilis
A53.9|Syphilis, unspecified
A54.00|Gonococcal infection of lower genitourinary tract, unspecified
A56.19|Other chlamydial genitourinary infection
A59.01|Trichomonal vulvovaginitis
A60.04|Herpesviral vulvovaginitis
A63.0|Anogenital (venereal) warts
A69.20|Lyme disease, unspecified
A75.9|Typhus fever, unspecified
A82.9|Rabies, unspecified
A90|Dengue fever [classical dengue]
A91|Dengue hemorrhagic fever
A92.0|Chikungunya virus disease
A95.9|Yellow fever, unspecified
A98.4|Ebola virus disease
B00.9|Herpesviral infection, unspecified
B01.9|Varicella without complication
B02.9|Zoster without complications
B05.9|Measles without complication
B06.9|Rubella without complication
B08.4|Enteroviral vesicular stomatitis with exanthem (hand, foot and mouth disease)
B15.9|Hepatitis A without hepatic coma
B16.9|Acute hepatitis B without delta-agent and without hepatic coma
B17.10|Acute hepatitis C without hepatic coma
B18.1|Chronic viral hepatitis B without delta-agent
B18.2|Chronic viral hepatitis C
B19.9|Unspecified viral hepatitis without hepatic coma
B20|Human immunodeficiency virus [HIV] disease
B26.9|Mumps without complication
B27.90|Infectious mononucleosis, unspecified without complication
B30.9|Viral conjunctivitis, unspecified
B34.9|Viral infection, unspecified
B35.0|Tinea barbae and tinea capitis
B35.1|Tinea unguium
B35.3|Tinea pedis
B35.4|Tinea corporis
B36.0|Pityriasis versicolor
B37.0|Candidal stomatitis
B37.3|Candidiasis of vulva and vagina
B37.9|Candidiasis, unspecified
B44.9|Aspergillosis, unspecified
B45.9|Cryptococcosis, unspecified
B50.0|Plasmodium falciparum malaria with cerebral complications
B50.8|Other severe and complicated Plasmodium falciparum malaria
B50.9|Plasmodium falciparum malaria, unspecified
B51.9|Plasmodium vivax malaria without complication
B52.9|Plasmodium malariae malaria without complication
B53.0|Plasmodium ovale malaria
B53.8|Other parasitologically confirmed malaria, not elsewhere classified
B54|Unspecified malaria
B55.0|Visceral leishmaniasis
B57.2|Chagas' disease (chronic) with heart involvement
B58.9|Toxoplasmosis, unspecified
B65.9|Schistosomiasis, unspecified
B67.90|Echinococcosis, unspecified
B68.9|Taeniasis, unspecified
B73.00|Onchocerciasis with eye involvement, unspecified
B74.9|Filariasis, unspecified
B76.9|Hookworm disease, unspecified
B77.9|Ascariasis, unspecified
B80|Enterobiasis
B82.9|Intestinal parasitism, unspecified
B86|Scabies
B85.0|Pediculosis due to Pediculus humanus capitis
B95.61|Methicillin susceptible Staphylococcus aureus infection as the cause of diseases classified elsewhere
B96.20|Unspecified Escherichia coli [E. coli] as the cause of diseases classified elsewhere
B97.29|Other coronavirus as the cause of diseases classified elsewhere
C16.9|Malignant neoplasm of stomach, unspecified
C18.9|Malignant neoplasm of colon, unspecified
C20|Malignant neoplasm of rectum
C22.0|Liver cell carcinoma
C25.9|Malignant neoplasm of pancreas, unspecified
C34.90|Malignant neoplasm of unspecified part of unspecified bronchus or lung
C43.9|Malignant melanoma of skin, unspecified
C44.91|Basal cell carcinoma of skin, unspecified
C50.919|Malignant neoplasm of unspecified site of unspecified female breast
C53.9|Malignant neoplasm of cervix uteri, unspecified
C54.1|Malignant neoplasm of endometrium
C56.9|Malignant neoplasm of unspecified ovary
C61|Malignant neoplasm of prostate
C64.9|Malignant neoplasm of unspecified kidney, except renal pelvis
C67.9|Malignant neoplasm of bladder, unspecified
C71.9|Malignant neoplasm of brain, unspecified
C73|Malignant neoplasm of thyroid gland
C78.00|Secondary malignant neoplasm of unspecified lung
C79.51|Secondary malignant neoplasm of bone
C81.90|Hodgkin lymphoma, unspecified, unspecified site
C83.30|Diffuse large B-cell lymphoma, unspecified site
C85.90|Non-Hodgkin lymphoma, unspecified, unspecified site
C90.00|Multiple myeloma not having achieved remission
C91.00|Acute lymphoblastic leukemia not having achieved remission
C92.00|Acute myeloblastic leukemia, not having achieved remission
C92.10|Chronic myeloid leukemia, BCR/ABL-positive, not having achieved remission
D05.10|Intraductal carcinoma in situ of unspecified breast
D17.9|Benign lipomatous neoplasm, unspecified
D18.00|Hemangioma unspecified site
D22.9|Melanocytic nevi, unspecified
D25.9|Leiomyoma of uterus, unspecified
D50.0|Iron deficiency anemia secondary to blood loss (chronic)
D50.9|Iron deficiency anemia, unspecified
D51.0|Vitamin B12 deficiency anemia due to intrinsic factor deficiency
D52.9|Folate deficiency anemia, unspecified
D53.9|Nutritional anemia, unspecified
D56.1|Beta thalassemia
D57.00|Hb-SS disease with crisis, unspecified
D57.1|Sickle-cell disease without crisis
D57.3|Sickle-cell trait
D59.9|Acquired hemolytic anemia, unspecified
D61.818|Other pancytopenia
D62|Acute posthemorrhagic anemia
D64.9|Anemia, unspecified
D65|Disseminated intravascular coagulation [defibrination syndrome]
D66|Hereditary factor VIII deficiency
D68.9|Coagulation defect, unspecified
D69.6|Thrombocytopenia, unspecified
D70.9|Neutropenia, unspecified
D72.829|Elevated white blood cell count, unspecified
D73.1|Hypersplenism
D75.1|Secondary polycythemia
D86.0|Sarcoidosis of lung
E03.9|Hypothyroidism, unspecified
E04.2|Nontoxic multinodular goiter
E05.90|Thyrotoxicosis, unspecified without thyrotoxic crisis or storm
E06.3|Autoimmune thyroiditis
E07.9|Disorder of thyroid, unspecified
E10.9|Type 1 diabetes mellitus without complications
E10.10|Type 1 diabetes mellitus with ketoacidosis without coma
E10.65|Type 1 diabetes mellitus with hyperglycemia
E11.9|Type 2 diabetes mellitus without complications
E11.65|Type 2 diabetes mellitus with hyperglycemia
E11.649|Type 2 diabetes mellitus with hypoglycemia without coma
E11.21|Type 2 diabetes mellitus with diabetic nephropathy
E11.22|Type 2 diabetes mellitus with diabetic chronic kidney disease
E11.40|Type 2 diabetes mellitus with diabetic neuropathy, unspecified
E11.319|Type 2 diabetes mellitus with unspecified diabetic retinopathy without macular edema
E11.51|Type 2 diabetes mellitus with diabetic peripheral angiopathy without gangrene
E11.621|Type 2 diabetes mellitus with foot ulcer
E11.69|Type 2 diabetes mellitus with other specified complication
E11.8|Type 2 diabetes mellitus with unspecified complications
E13.9|Other specified diabetes mellitus without complications
E16.2|Hypoglycemia, unspecified
E21.0|Primary hyperparathyroidism
E27.40|Unspecified adrenocortical insufficiency
E28.2|Polycystic ovarian syndrome
E34.9|Endocrine disorder, unspecified
E40|Kwashiorkor
E41|Nutritional marasmus
E43|Unspecified severe protein-calorie malnutrition
E44.0|Moderate protein-calorie malnutrition
E46|Unspecified protein-calorie malnutrition
E55.9|Vitamin D deficiency, unspecified
E53.8|Deficiency of other specified B group vitamins
E61.1|Iron deficiency
E66.01|Morbid (severe) obesity due to excess calories
E66.9|Obesity, unspecified
E78.00|Pure hypercholesterolemia, unspecified
E78.1|Pure hyperglyceridemia
E78.2|Mixed hyperlipidemia
E78.5|Hyperlipidemia, unspecified
E79.0|Hyperuricemia without signs of inflammatory arthritis and tophaceous disease
E83.42|Hypomagnesemia
E83.51|Hypocalcemia
E86.0|Dehydration
E86.9|Volume depletion, unspecified
E87.0|Hyperosmolality and hypernatremia
E87.1|Hypo-osmolality and hyponatremia
E87.2|Acidosis
E87.5|Hyperkalemia
E87.6|Hypokalemia
E87.70|Fluid overload, unspecified
F01.50|Vascular dementia without behavioral disturbance
F03.90|Unspecified dementia without behavioral disturbance
F05|Delirium due to known physiological condition
F10.10|Alcohol abuse, uncomplicated
F10.20|Alcohol dependence, uncomplicated
F10.239|Alcohol dependence with withdrawal, unspecified
F11.20|Opioid dependence, uncomplicated
F12.10|Cannabis abuse, uncomplicated
F17.210|Nicotine dependence, cigarettes, uncomplicated
F20.9|Schizophrenia, unspecified
F25.9|Schizoaffective disorder, unspecified
F31.9|Bipolar disorder, unspecified
F32.9|Major depressive disorder, single episode, unspecified
F32.A|Depression, unspecified
F33.9|Major depressive disorder, recurrent, unspecified
F41.0|Panic disorder [episodic paroxysmal anxiety]
F41.1|Generalized anxiety disorder
F41.9|Anxiety disorder, unspecified
F43.10|Post-traumatic stress disorder, unspecified
F43.20|Adjustment disorder, unspecified
F42.9|Obsessive-compulsive disorder, unspecified
F50.00|Anorexia nervosa, unspecified
F51.01|Primary insomnia
F70|Mild intellectual disabilities
F84.0|Autistic disorder
F90.9|Attention-deficit hyperactivity disorder, unspecified type
G03.9|Meningitis, unspecified
G04.90|Encephalitis and encephalomyelitis, unspecified
G20|Parkinson's disease
G30.9|Alzheimer's disease, unspecified
G35|Multiple sclerosis
G40.909|Epilepsy, unspecified, not intractable, without status epilepticus
G40.901|Epilepsy, unspecified, not intractable, with status epilepticus
G41.9|Status epilepticus, unspecified
G43.909|Migraine, unspecified, not intractable, without status migrainosus
G43.009|Migraine without aura, not intractable, without status migrainosus
G44.209|Tension-type headache, unspecified, not intractable
G45.9|Transient cerebral ischemic attack, unspecified
G47.00|Insomnia, unspecified
G47.33|Obstructive sleep apnea (adult) (pediatric)
G51.0|Bell's palsy
G56.00|Carpal tunnel syndrome, unspecified upper limb
G61.0|Guillain-Barre syndrome
G62.9|Polyneuropathy, unspecified
G80.9|Cerebral palsy, unspecified
G81.90|Hemiplegia, unspecified affecting unspecified side
G89.29|Other chronic pain
G93.40|Encephalopathy, unspecified
H01.009|Unspecified blepharitis unspecified eye, unspecified eyelid
H10.9|Unspecified conjunctivitis
H10.33|Unspecified acute conjunctivitis, bilateral
H11.30|Conjunctival hemorrhage, unspecified eye
H16.009|Unspecified corneal ulcer, unspecified eye
H25.9|Unspecified age-related cataract
H26.9|Unspecified cataract
H35.30|Unspecified macular degeneration
H40.9|Unspecified glaucoma
H40.10X0|Unspecified open-angle glaucoma, stage unspecified
H52.4|Presbyopia
H52.13|Myopia, bilateral
H53.9|Unspecified visual disturbance
H54.7|Unspecified visual loss
H60.90|Unspecified otitis externa, unspecified ear
H61.20|Impacted cerumen, unspecified ear
H65.90|Unspecified nonsuppurative otitis media, unspecified ear
H66.90|Otitis media, unspecified, unspecified ear
H66.001|Acute suppurative otitis media without spontaneous rupture of ear drum, right ear
H81.10|Benign paroxysmal vertigo, unspecified ear
H91.90|Unspecified hearing loss, unspecified ear
H92.09|Otalgia, unspecified ear
H93.19|Tinnitus, unspecified ear
I05.0|Rheumatic mitral stenosis
I10|Essential (primary) hypertension
I11.0|Hypertensive heart disease with heart failure
I11.9|Hypertensive heart disease without heart failure
I12.9|Hypertensive chronic kidney disease with stage 1 through stage 4 chronic kidney disease, or unspecified chronic kidney disease
I13.10|Hypertensive heart and chronic kidney disease without heart failure, with stage 1 through stage 4 chronic kidney disease
I15.9|Secondary hypertension, unspecified
I16.9|Hypertensive crisis, unspecified
I20.0|Unstable angina
I20.9|Angina pectoris, unspecified
I21.9|Acute myocardial infarction, unspecified
I21.4|Non-ST elevation (NSTEMI) myocardial infarction
I21.3|ST elevation (STEMI) myocardial infarction of unspecified site
I25.10|Atherosclerotic heart disease of native coronary artery without angina pectoris
I25.2|Old myocardial infarction
I26.99|Other pulmonary embolism without acute cor pulmonale
I27.20|Pulmonary hypertension, unspecified
I30.9|Acute pericarditis, unspecified
I33.0|Acute and subacute infective endocarditis
I34.0|Nonrheumatic mitral (valve) insufficiency
I35.0|Nonrheumatic aortic (valve) stenosis
I42.9|Cardiomyopathy, unspecified
I44.2|Atrioventricular block, complete
I47.1|Supraventricular tachycardia
I48.91|Unspecified atrial fibrillation
I48.0|Paroxysmal atrial fibrillation
I49.9|Cardiac arrhythmia, unspecified
I50.9|Heart failure, unspecified
I50.22|Chronic systolic (congestive) heart failure
I50.32|Chronic diastolic (congestive) heart failure
I51.7|Cardiomegaly
I61.9|Nontraumatic intracerebral hemorrhage, unspecified
I63.9|Cerebral infarction, unspecified
I64|Stroke, not specified as hemorrhage or infarction
I65.29|Occlusion and stenosis of unspecified carotid artery
I69.351|Hemiplegia and hemiparesis following cerebral infarction affecting right dominant side
I70.209|Unspecified atherosclerosis of native arteries of extremities, unspecified extremity
I73.9|Peripheral vascular disease, unspecified
I74.3|Embolism and thrombosis of arteries of the lower extremities
I80.209|Phlebitis and thrombophlebitis of unspecified deep vessels of unspecified lower extremity
I82.409|Acute embolism and thrombosis of unspecified deep veins of unspecified lower extremity
I83.90|Asymptomatic varicose veins of unspecified lower extremity
I84.20|Unspecified hemorrhoids without complication
I85.00|Esophageal varices without bleeding
I95.9|Hypotension, unspecified
I95.1|Orthostatic hypotension
J00|Acute nasopharyngitis [common cold]
J01.90|Acute sinusitis, unspecified
J02.0|Streptococcal pharyngitis
J02.9|Acute pharyngitis, unspecified
J03.90|Acute tonsillitis, unspecified
J04.0|Acute laryngitis
J05.0|Acute obstructive laryngitis [croup]
J06.9|Acute upper respiratory infection, unspecified
J09.X2|Influenza due to identified novel influenza A virus with other respiratory manifestations
J10.1|Influenza due to other identified influenza virus with other respiratory manifestations
J11.1|Influenza due to unidentified influenza virus with other respiratory manifestations
J12.9|Viral pneumonia, unspecified
J12.82|Pneumonia due to coronavirus disease 2019
J13|Pneumonia due to Streptococcus pneumoniae
J14|Pneumonia due to Hemophilus influenzae
J15.9|Unspecified bacterial pneumonia
J15.212|Pneumonia due to Methicillin resistant Staphylococcus aureus
J18.0|Bronchopneumonia, unspecified organism
J18.1|Lobar pneumonia, unspecified organism
J18.8|Other pneumonia, unspecified organism
J18.9|Pneumonia, unspecified organism
J20.9|Acute bronchitis, unspecified
J21.9|Acute bronchiolitis, unspecified
J30.9|Allergic rhinitis, unspecified
J30.1|Allergic rhinitis due to pollen
J31.0|Chronic rhinitis
J32.9|Chronic sinusitis, unspecified
J35.01|Chronic tonsillitis
J35.3|Hypertrophy of tonsils with hypertrophy of adenoids
J40|Bronchitis, not specified as acute or chronic
J42|Unspecified chronic bronchitis
J43.9|Emphysema, unspecified
J44.0|Chronic obstructive pulmonary disease with (acute) lower respiratory infection
J44.1|Chronic obstructive pulmonary disease with (acute) exacerbation
J44.9|Chronic obstructive pulmonary disease, unspecified
J45.20|Mild intermittent asthma, uncomplicated
J45.30|Mild persistent asthma, uncomplicated
J45.40|Moderate persistent asthma, uncomplicated
J45.50|Severe persistent asthma, uncomplicated
J45.901|Unspecified asthma with (acute) exacerbation
J45.902|Unspecified asthma with status asthmaticus
J45.909|Unspecified asthma, uncomplicated
J45.991|Cough variant asthma
J47.9|Bronchiectasis, uncomplicated
J80|Acute respiratory distress syndrome
J81.0|Acute pulmonary edema
J84.10|Pulmonary fibrosis, unspecified
J85.1|Abscess of lung with pneumonia
J90|Pleural effusion, not elsewhere classified
J93.9|Pneumothorax, unspecified
J96.00|Acute respiratory failure, unspecified whether with hypoxia or hypercapnia
J96.01|Acute respiratory failure with hypoxia
J98.01|Acute bronchospasm
K02.9|Dental caries, unspecified
K04.7|Periapical abscess without sinus
K05.10|Chronic gingivitis, plaque induced
K12.0|Recurrent oral aphthae
K21.9|Gastro-esophageal reflux disease without esophagitis
K21.0|Gastro-esophageal reflux disease with esophagitis
K25.9|Gastric ulcer, unspecified as acute or chronic, without hemorrhage or perforation
K26.9|Duodenal ulcer, unspecified as acute or chronic, without hemorrhage or perforation
K27.9|Peptic ulcer, site unspecified, unspecified as acute or chronic, without hemorrhage or perforation
K29.70|Gastritis, unspecified, without bleeding
K29.00|Acute gastritis without bleeding
K30|Functional dyspepsia
K31.84|Gastroparesis
K35.80|Unspecified acute appendicitis
K37|Unspecified appendicitis
K40.90|Unilateral inguinal hernia, without obstruction or gangrene, not specified as recurrent
K42.9|Umbilical hernia without obstruction or gangrene
K44.9|Diaphragmatic hernia without obstruction or gangrene
K50.90|Crohn's disease, unspecified, without complications
K51.90|Ulcerative colitis, unspecified, without complications
K52.9|Noninfective gastroenteritis and colitis, unspecified
K56.609|Unspecified intestinal obstruction, unspecified as to partial versus complete obstruction
K57.30|Diverticulosis of large intestine without perforation or abscess without bleeding
K57.32|Diverticulitis of large intestine without perforation or abscess without bleeding
K58.9|Irritable bowel syndrome without diarrhea
K59.00|Constipation, unspecified
K60.2|Anal fissure, unspecified
K61.0|Anal abscess
K62.5|Hemorrhage of anus and rectum
K63.5|Polyp of colon
K64.9|Unspecified hemorrhoids
K65.9|Peritonitis, unspecified
K70.30|Alcoholic cirrhosis of liver without ascites
K72.90|Hepatic failure, unspecified without coma
K74.60|Unspecified cirrhosis of liver
K75.9|Inflammatory liver disease, unspecified
K76.0|Fatty (change of) liver, not elsewhere classified
K80.20|Calculus of gallbladder without cholecystitis without obstruction
K81.0|Acute cholecystitis
K81.9|Cholecystitis, unspecified
K85.90|Acute pancreatitis without necrosis or infection, unspecified
K86.1|Other chronic pancreatitis
K92.0|Hematemesis
K92.1|Melena
K92.2|Gastrointestinal hemorrhage, unspecified
L01.00|Impetigo, unspecified
L02.91|Cutaneous abscess, unspecified
L03.90|Cellulitis, unspecified
L03.115|Cellulitis of right lower limb
L08.9|Local infection of the skin and subcutaneous tissue, unspecified
L20.9|Atopic dermatitis, unspecified
L21.9|Seborrheic dermatitis, unspecified
L23.9|Allergic contact dermatitis, unspecified cause
L25.9|Unspecified contact dermatitis, unspecified cause
L29.9|Pruritus, unspecified
L30.9|Dermatitis, unspecified
L40.0|Psoriasis vulgaris
L40.9|Psoriasis, unspecified
L50.9|Urticaria, unspecified
L51.9|Erythema multiforme, unspecified
L60.0|Ingrowing nail
L63.9|Alopecia areata, unspecified
L70.0|Acne vulgaris
L72.3|Sebaceous cyst
L80|Vitiligo
L89.159|Pressure ulcer of sacral region, unspecified stage
L97.909|Non-pressure chronic ulcer of unspecified part of unspecified lower leg with unspecified severity
M06.9|Rheumatoid arthritis, unspecified
M10.9|Gout, unspecified
M13.0|Polyarthritis, unspecified
M15.9|Polyosteoarthritis, unspecified
M16.9|Osteoarthritis of hip, unspecified
M17.9|Osteoarthritis of knee, unspecified
M19.90|Unspecified osteoarthritis, unspecified site
M25.50|Pain in unspecified joint
M25.561|Pain in right knee
M32.9|Systemic lupus erythematosus, unspecified
M35.3|Polymyalgia rheumatica
M41.9|Scoliosis, unspecified
M43.16|Spondylolisthesis, lumbar region
M47.816|Spondylosis without myelopathy or radiculopathy, lumbar region
M48.06|Spinal stenosis, lumbar region
M50.20|Other cervical disc displacement, unspecified cervical region
M51.26|Other intervertebral disc displacement, lumbar region
M54.2|Cervicalgia
M54.50|Low back pain, unspecified
M54.16|Radiculopathy, lumbar region
M54.30|Sciatica, unspecified side
M54.9|Dorsalgia, unspecified
M62.830|Muscle spasm of back
M65.9|Synovitis and tenosynovitis, unspecified
M70.20|Olecranon bursitis, unspecified elbow
M72.2|Plantar fascial fibromatosis
M75.100|Unspecified rotator cuff tear or rupture of unspecified shoulder, not specified as traumatic
M75.00|Adhesive capsulitis of unspecified shoulder
M77.10|Lateral epicondylitis, unspecified elbow
M79.1|Myalgia
M79.604|Pain in right leg
M79.7|Fibromyalgia
M81.0|Age-related osteoporosis without current pathological fracture
M86.9|Osteomyelitis, unspecified
N00.9|Acute nephritic syndrome with unspecified morphologic changes
N03.9|Chronic nephritic syndrome with unspecified morphologic changes
N04.9|Nephrotic syndrome with unspecified morphologic changes
N10|Acute pyelonephritis
N12|Tubulo-interstitial nephritis, not specified as acute or chronic
N13.30|Unspecified hydronephrosis
N17.9|Acute kidney failure, unspecified
N18.1|Chronic kidney disease, stage 1
N18.2|Chronic kidney disease, stage 2 (mild)
N18.30|Chronic kidney disease, stage 3 unspecified
N18.4|Chronic kidney disease, stage 4 (severe)
N18.5|Chronic kidney disease, stage 5
N18.6|End stage renal disease
N18.9|Chronic kidney disease, unspecified
N19|Unspecified kidney failure
N20.0|Calculus of kidney
N20.1|Calculus of ureter
N23|Unspecified renal colic
N28.9|Disorder of kidney and ureter, unspecified
N30.00|Acute cystitis without hematuria
N30.90|Cystitis, unspecified without hematuria
N34.1|Nonspecific urethritis
N39.0|Urinary tract infection, site not specified
N39.3|Stress incontinence (female) (male)
N39.41|Urge incontinence
N40.0|Benign prostatic hyperplasia without lower urinary tract symptoms
N40.1|Benign prostatic hyperplasia with lower urinary tract symptoms
N41.0|Acute prostatitis
N45.1|Epididymitis
N47.1|Phimosis
N52.9|Male erectile dysfunction, unspecified
N60.19|Diffuse cystic mastopathy of unspecified breast
N63.0|Unspecified lump in unspecified breast
N64.4|Mastodynia
N70.93|Salpingitis and oophoritis, unspecified
N73.9|Female pelvic inflammatory disease, unspecified
N76.0|Acute vaginitis
N80.9|Endometriosis, unspecified
N83.209|Unspecified ovarian cyst, unspecified side
N89.8|Other specified noninflammatory disorders of vagina
N91.2|Amenorrhea, unspecified
N92.0|Excessive and frequent menstruation with regular cycle
N93.9|Abnormal uterine and vaginal bleeding, unspecified
N94.6|Dysmenorrhea, unspecified
N95.1|Menopausal and female climacteric states
N97.9|Female infertility, unspecified
O00.90|Unspecified ectopic pregnancy without intrauterine pregnancy
O03.9|Complete or unspecified spontaneous abortion without complication
O09.90|Supervision of high risk pregnancy, unspecified, unspecified trimester
O10.019|Pre-existing essential hypertension complicating pregnancy, unspecified trimester
O13.9|Gestational [pregnancy-induced] hypertension without significant proteinuria, unspecified trimester
O14.90|Unspecified pre-eclampsia, unspecified trimester
O15.9|Eclampsia, unspecified as to time period
O20.0|Threatened abortion
O21.0|Mild hyperemesis gravidarum
O24.410|Gestational diabetes mellitus in pregnancy, diet controlled
O24.419|Gestational diabetes mellitus in pregnancy, unspecified control
O26.899|Other specified pregnancy related conditions, unspecified trimester
O36.80X0|Pregnancy with inconclusive fetal viability, not applicable or unspecified
O42.90|Premature rupture of membranes, unspecified as to length of time between rupture and onset of labor, unspecified weeks of gestation
O44.00|Complete placenta previa NOS or without hemorrhage, unspecified trimester
O47.9|False labor, unspecified
O60.00|Preterm labor without delivery, unspecified trimester
O72.1|Other immediate postpartum hemorrhage
O80|Encounter for full-term uncomplicated delivery
O82|Encounter for cesarean delivery without indication
O85|Puerperal sepsis
O99.019|Anemia complicating pregnancy, unspecified trimester
O98.419|Viral hepatitis complicating pregnancy, unspecified trimester
P07.30|Preterm newborn, unspecified weeks of gestation
P22.0|Respiratory distress syndrome of newborn
P36.9|Bacterial sepsis of newborn, unspecified
P59.9|Neonatal jaundice, unspecified
P21.9|Birth asphyxia, unspecified
P92.9|Feeding problem of newborn, unspecified
Q21.0|Ventricular septal defect
Q21.1|Atrial septal defect
Q35.9|Cleft palate, unspecified
Q53.10|Unspecified undescended testicle, unilateral
Q65.89|Other specified congenital deformities of hip
Q66.89|Other specified congenital deformities of feet
Q90.9|Down syndrome, unspecified
R00.0|Tachycardia, unspecified
R00.1|Bradycardia, unspecified
R00.2|Palpitations
R01.1|Cardiac murmur, unspecified
R03.0|Elevated blood-pressure reading, without diagnosis of hypertension
R04.0|Epistaxis
R04.2|Hemoptysis
R05.9|Cough, unspecified
R06.00|Dyspnea, unspecified
R06.02|Shortness of breath
R06.2|Wheezing
R07.9|Chest pain, unspecified
R07.89|Other chest pain
R09.02|Hypoxemia
R10.9|Unspecified abdominal pain
R10.10|Upper abdominal pain, unspecified
R10.31|Right lower quadrant pain
R10.84|Generalized abdominal pain
R11.0|Nausea
R11.10|Vomiting, unspecified
R11.2|Nausea with vomiting, unspecified
R12|Heartburn
R13.10|Dysphagia, unspecified
R14.0|Abdominal distension (gaseous)
R17|Unspecified jaundice
R18.8|Other ascites
R19.7|Diarrhea, unspecified
R20.2|Paresthesia of skin
R21|Rash and other nonspecific skin eruption
R22.9|Localized swelling, mass and lump, unspecified
R25.2|Cramp and spasm
R26.89|Other abnormalities of gait and mobility
R30.0|Dysuria
R31.9|Hematuria, unspecified
R32|Unspecified urinary incontinence
R33.9|Retention of urine, unspecified
R35.0|Frequency of micturition
R39.15|Urgency of urination
R40.20|Unspecified coma
R41.0|Disorientation, unspecified
R42|Dizziness and giddiness
R44.3|Hallucinations, unspecified
R45.851|Suicidal ideations
R47.01|Aphasia
R50.9|Fever, unspecified
R51.9|Headache, unspecified
R52|Pain, unspecified
R53.1|Weakness
R53.83|Other fatigue
R55|Syncope and collapse
R56.9|Unspecified convulsions
R56.00|Simple febrile convulsions
R57.9|Shock, unspecified
R59.0|Localized enlarged lymph nodes
R60.0|Localized edema
R60.9|Edema, unspecified
R62.51|Failure to thrive (child)
R63.0|Anorexia
R63.4|Abnormal weight loss
R63.5|Abnormal weight gain
R65.20|Severe sepsis without septic shock
R68.83|Chills (without fever)
R73.01|Impaired fasting glucose
R73.03|Prediabetes
R73.9|Hyperglycemia, unspecified
R74.01|Elevation of levels of liver transaminase levels
R76.11|Nonspecific reaction to tuberculin skin test without active tuberculosis
R79.89|Other specified abnormal findings of blood chemistry
R80.9|Proteinuria, unspecified
R82.90|Unspecified abnormal findings in urine
R91.8|Other nonspecific abnormal finding of lung field
R94.31|Abnormal electrocardiogram [ECG] [EKG]
S00.83XA|Contusion of other part of head, initial encounter
S01.81XA|Laceration without foreign body of other part of head, initial encounter
S06.0X0A|Concussion without loss of consciousness, initial encounter
S06.9X0A|Unspecified intracranial injury without loss of consciousness, initial encounter
S09.90XA|Unspecified injury of head, initial encounter
S13.4XXA|Sprain of ligaments of cervical spine, initial encounter
S22.39XA|Fracture of one rib, unspecified side, initial encounter for closed fracture
S32.9XXA|Fracture of unspecified parts of lumbosacral spine and pelvis, initial encounter
S33.5XXA|Sprain of ligaments of lumbar spine, initial encounter
S42.001A|Fracture of unspecified part of right clavicle, initial encounter for closed fracture
S52.501A|Unspecified fracture of the lower end of right radius, initial encounter for closed fracture
S60.219A|Contusion of unspecified wrist, initial encounter
S61.419A|Laceration without foreign body of unspecified hand, initial encounter
S62.90XA|Unspecified fracture of unspecified wrist and hand, initial encounter for closed fracture
S72.001A|Fracture of unspecified part of neck of right femur, initial encounter for closed fracture
S72.90XA|Unspecified fracture of unspecified femur, initial encounter for closed fracture
S82.90XA|Unspecified fracture of unspecified lower leg, initial encounter for closed fracture
S83.90XA|Sprain of unspecified site of unspecified knee, initial encounter
S92.90XA|Unspecified fracture of unspecified foot, initial encounter for closed fracture
S93.401A|Sprain of unspecified ligament of right ankle, initial encounter
S93.409A|Sprain of unspecified ligament of unspecified ankle, initial encounter
T14.90XA|Injury, unspecified, initial encounter
T07.XXXA|Unspecified multiple injuries, initial encounter
T15.90XA|Foreign body on external eye, part unspecified, unspecified eye, initial encounter
T20.20XA|Burn of second degree of head, face, and neck, unspecified site, initial encounter
T30.0|Burn of unspecified body region, unspecified degree
T39.1X1A|Poisoning by 4-Aminophenol derivatives, accidental (unintentional), initial encounter
T40.2X1A|Poisoning by other opioids, accidental (unintentional), initial encounter
T42.4X1A|Poisoning by benzodiazepines, accidental (unintentional), initial encounter
T50.901A|Poisoning by unspecified drugs, medicaments and biological substances, accidental (unintentional), initial encounter
T51.0X1A|Toxic effect of ethanol, accidental (unintentional), initial encounter
T60.0X1A|Toxic effect of organophosphate and carbamate insecticides, accidental (unintentional), initial encounter
T63.001A|Toxic effect of unspecified snake venom, accidental (unintentional), initial encounter
T63.441A|Toxic effect of venom of bees, accidental (unintentional), initial encounter
T67.01XA|Heatstroke and sunstroke, initial encounter
T68.XXXA|Hypothermia, initial encounter
T74.11XA|Adult physical abuse, confirmed, initial encounter
T78.2XXA|Anaphylactic shock, unspecified, initial encounter
T78.40XA|Allergy, unspecified, initial encounter
T78.3XXA|Angioneurotic edema, initial encounter
T79.4XXA|Traumatic shock, initial encounter
T81.4XXA|Infection following a procedure, initial encounter
T88.7XXA|Unspecified adverse effect of drug or medicament, initial encounter
W19.XXXA|Unspecified fall, initial encounter
W54.0XXA|Bitten by dog, initial encounter
V89.2XXA|Person injured in unspecified motor-vehicle accident, traffic, initial encounter
X58.XXXA|Exposure to other specified factors, initial encounter
Y92.009|Unspecified place in unspecified non-institutional (private) residence as the place of occurrence of the external cause
Z00.00|Encounter for general adult medical examination without abnormal findings
Z00.01|Encounter for general adult medical examination with abnormal findings
Z00.129|Encounter for routine child health examination without abnormal findings
Z01.419|Encounter for gynecological examination (general) (routine) without abnormal findings
Z01.818|Encounter for other preprocedural examination
Z02.89|Encounter for other administrative examinations
Z09|Encounter for follow-up examination after completed treatment for conditions other than malignant neoplasm
Z11.1|Encounter for screening for respiratory tuberculosis
Z11.3|Encounter for screening for infections with a predominantly sexual mode of transmission
Z11.4|Encounter for screening for human immunodeficiency virus [HIV]
Z11.6|Encounter for screening for other protozoal diseases and helminthiases
Z12.31|Encounter for screening mammogram for malignant neoplasm of breast
Z12.4|Encounter for screening for malignant neoplasm of cervix
Z12.11|Encounter for screening for malignant neoplasm of colon
Z13.1|Encounter for screening for diabetes mellitus
Z20.822|Contact with and (suspected) exposure to COVID-19
Z20.6|Contact with and (suspected) exposure to human immunodeficiency virus [HIV]
Z21|Asymptomatic human immunodeficiency virus [HIV] infection status
Z23|Encounter for immunization
Z30.09|Encounter for other general counseling and advice on contraception
Z30.011|Encounter for initial prescription of contraceptive pills
Z32.01|Encounter for pregnancy test, result positive
Z33.1|Pregnant state, incidental
Z34.90|Encounter for supervision of normal pregnancy, unspecified, unspecified trimester
Z34.00|Encounter for supervision of normal first pregnancy, unspecified trimester
Z39.2|Encounter for routine postpartum follow-up
Z48.01|Encounter for change or removal of surgical wound dressing
Z51.11|Encounter for antineoplastic chemotherapy
Z51.81|Encounter for therapeutic drug level monitoring
Z71.3|Dietary counseling and surveillance
Z72.0|Tobacco use
Z76.0|Encounter for issue of repeat prescription
Z79.4|Long term (current) use of insulin
Z79.01|Long term (current) use of anticoagulants
Z79.84|Long term (current) use of oral hypoglycemic drugs
Z79.899|Other long term (current) drug therapy
Z86.73|Personal history of transient ischemic attack (TIA), and cerebral infarction without residual deficits
Z87.891|Personal history of nicotine dependence
Z88.0|Allergy status to penicillin
Z88.1|Allergy status to other antibiotic agents
Z88.2|Allergy status to sulfonamides
Z91.010|Allergy to peanuts
Z91.81|History of falling
Z95.1|Presence of aortocoronary bypass graft
Z95.0|Presence of cardiac pacemaker
Z96.641|Presence of right artificial hip joint
Z99.2|Dependence on renal dialysis
U07.1|COVID-19
U09.9|Post COVID-19 condition, unspecified`;
