package org.yundangke.org;

public enum CommitteeLevel {
    PROVINCE, CITY, COUNTY
}
